package com.eshop.market.infrastructure;

import com.eshop.common.api.order.OrderInternalApi;
import com.eshop.market.application.OrderGateway;
import com.eshop.support.error.ApiResults;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.stereotype.Component;

@Component
public class DubboOrderGateway implements OrderGateway {
    @DubboReference(version = "1.0.0", check = false)
    private OrderInternalApi orderInternalApi;

    @Override
    public boolean isCancellationCommitted(String orderId) {
        return Boolean.TRUE.equals(ApiResults.unwrap(orderInternalApi.isCancellationCommitted(orderId)));
    }
}
