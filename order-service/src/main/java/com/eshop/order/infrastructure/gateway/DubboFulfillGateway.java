package com.eshop.order.infrastructure.gateway;

import com.eshop.common.api.fulfill.CancelFulfillRequest;
import com.eshop.common.api.fulfill.FulfillApi;
import com.eshop.common.api.fulfill.FulfillItemRequest;
import com.eshop.common.api.fulfill.ReceiveFulfillRequest;
import com.eshop.order.application.FulfillGateway;
import com.eshop.order.application.OrderProperties;
import com.eshop.order.domain.Order;
import com.eshop.order.domain.OrderItem;
import com.eshop.support.error.SentinelGuard;
import org.apache.dubbo.common.constants.CommonConstants;
import org.apache.dubbo.config.annotation.DubboReference;
import org.apache.dubbo.rpc.RpcContext;
import org.springframework.stereotype.Component;

import java.util.List;

import static com.eshop.support.error.ApiResults.unwrap;

@Component
public class DubboFulfillGateway implements FulfillGateway {
    /**
     * The interception runs inside the cancel's global transaction: an open breaker throws DOWNSTREAM_UNAVAILABLE
     * before calling fulfill-service, the global transaction rolls back and the order stays as it was.
     */
    static final String INTERCEPTION_CIRCUIT_BREAKER = "FulfillApi.cancelFulfill";

    @DubboReference(version = "1.0.0", check = false)
    private FulfillApi fulfillApi;
    private final OrderProperties properties;

    public DubboFulfillGateway(OrderProperties properties) {
        this.properties = properties;
    }

    @Override
    public void receiveOrderFulfill(Order order, List<OrderItem> items) {
        ReceiveFulfillRequest request = new ReceiveFulfillRequest();
        request.setOrderId(order.orderId());
        request.setUserId(order.userId());
        request.setPayAmount(order.payAmount());
        request.setFulfillItems(items.stream().map(item -> {
            FulfillItemRequest fulfillItem = new FulfillItemRequest();
            fulfillItem.setSkuCode(item.skuCode());
            fulfillItem.setProductName(item.productName());
            fulfillItem.setSaleQuantity(item.saleQuantity());
            fulfillItem.setSalePrice(item.salePrice());
            return fulfillItem;
        }).toList());
        // the call is the fulfill-order global transaction's work: timing it out earlier than that transaction would
        // turn a slow fulfillment (the first ones after a start) into a rollback racing the branches still running
        RpcContext.getClientAttachment().setObjectAttachment(CommonConstants.TIMEOUT_KEY,
                properties.getFulfillmentCallTimeout().toMillis());
        unwrap(fulfillApi.receiveOrderFulfill(request));
    }

    @Override
    public void cancelFulfill(String orderId) {
        CancelFulfillRequest request = new CancelFulfillRequest();
        request.setOrderId(orderId);
        SentinelGuard.outbound(INTERCEPTION_CIRCUIT_BREAKER, () -> unwrap(fulfillApi.cancelFulfill(request)));
    }
}
