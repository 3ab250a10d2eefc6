package com.eshop.wms.infrastructure;

import com.eshop.common.api.order.OrderInternalApi;
import com.eshop.support.error.ApiResults;
import com.eshop.wms.application.OrderGateway;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.stereotype.Component;

@Component
public class DubboOrderGateway implements OrderGateway {
    @DubboReference(version = "1.0.0", check = false)
    private OrderInternalApi orderInternalApi;

    @Override
    public void confirmOutStock(String orderId) {
        ApiResults.unwrap(orderInternalApi.confirmOutStock(orderId));
    }
}
