package com.eshop.pay.infrastructure;

import com.eshop.common.api.order.OrderInternalApi;
import com.eshop.common.api.order.PayCallbackRequest;
import com.eshop.pay.application.OrderPaymentGateway;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.stereotype.Component;

import static com.eshop.support.error.ApiResults.unwrap;

@Component
public class DubboOrderPaymentGateway implements OrderPaymentGateway {

    @DubboReference(version = "1.0.0", check = false)
    private OrderInternalApi orderInternalApi;

    @Override
    public void paymentReceived(String orderId, int payType, String outTradeNo, int payAmount) {
        PayCallbackRequest request = new PayCallbackRequest();
        request.setOrderId(orderId);
        request.setPayType(payType);
        request.setOutTradeNo(outTradeNo);
        request.setPayAmount(payAmount);
        unwrap(orderInternalApi.payCallback(request));
    }
}
