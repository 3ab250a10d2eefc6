package com.eshop.order.infrastructure.gateway;

import com.eshop.common.api.JsonResult;
import com.eshop.common.api.fulfill.FulfillApi;
import com.eshop.common.api.inventory.InventoryApi;
import com.eshop.common.api.market.MarketApi;
import com.eshop.common.api.ops.TimelineEntry;
import com.eshop.common.api.ops.TimelineServices;
import com.eshop.common.api.pay.PayApi;
import com.eshop.common.api.tms.TmsApi;
import com.eshop.common.api.wms.WmsApi;
import com.eshop.order.application.TimelineSource;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.function.Function;

import static com.eshop.support.error.ApiResults.unwrap;

/** The six other services' {@code orderTimeline} APIs as the timeline's sources. */
@Configuration(proxyBeanMethods = false)
public class DubboTimelineSources {
    @DubboReference(version = "1.0.0", check = false)
    private FulfillApi fulfillApi;
    @DubboReference(version = "1.0.0", check = false)
    private WmsApi wmsApi;
    @DubboReference(version = "1.0.0", check = false)
    private TmsApi tmsApi;
    @DubboReference(version = "1.0.0", check = false)
    private MarketApi marketApi;
    @DubboReference(version = "1.0.0", check = false)
    private InventoryApi inventoryApi;
    @DubboReference(version = "1.0.0", check = false)
    private PayApi payApi;

    @Bean
    TimelineSource fulfillTimeline() {
        return source(TimelineServices.FULFILL, orderId -> fulfillApi.orderTimeline(orderId));
    }

    @Bean
    TimelineSource wmsTimeline() {
        return source(TimelineServices.WMS, orderId -> wmsApi.orderTimeline(orderId));
    }

    @Bean
    TimelineSource tmsTimeline() {
        return source(TimelineServices.TMS, orderId -> tmsApi.orderTimeline(orderId));
    }

    @Bean
    TimelineSource marketTimeline() {
        return source(TimelineServices.MARKET, orderId -> marketApi.orderTimeline(orderId));
    }

    @Bean
    TimelineSource inventoryTimeline() {
        return source(TimelineServices.INVENTORY, orderId -> inventoryApi.orderTimeline(orderId));
    }

    @Bean
    TimelineSource payTimeline() {
        return source(TimelineServices.PAY, orderId -> payApi.orderTimeline(orderId));
    }

    private static TimelineSource source(String service, Function<String, JsonResult<List<TimelineEntry>>> call) {
        return new TimelineSource() {
            @Override
            public String service() {
                return service;
            }

            @Override
            public List<TimelineEntry> orderTimeline(String orderId) {
                return unwrap(call.apply(orderId));
            }
        };
    }
}
