package com.eshop.order.infrastructure.gateway;

import com.eshop.common.api.pay.PayApi;
import com.eshop.common.api.pay.PayPrePayRequest;
import com.eshop.common.api.pay.PayRefundRequest;
import com.eshop.order.application.PayGateway;
import com.eshop.support.error.SentinelGuard;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.stereotype.Component;

import static com.eshop.support.error.ApiResults.unwrap;

/** Every call to pay-service runs under one circuit breaker, {@value #CIRCUIT_BREAKER} (eshop.sentinel.circuit-breakers). */
@Component
public class DubboPayGateway implements PayGateway {
    static final String CIRCUIT_BREAKER = "PayApi";

    @DubboReference(version = "1.0.0", check = false)
    private PayApi payApi;

    @Override
    public String prePay(String orderId, String userId, int payType, int payAmount) {
        PayPrePayRequest request = new PayPrePayRequest();
        request.setOrderId(orderId);
        request.setUserId(userId);
        request.setPayType(payType);
        request.setPayAmount(payAmount);
        return SentinelGuard.outbound(CIRCUIT_BREAKER, () -> unwrap(payApi.prePay(request))).getOutTradeNo();
    }

    @Override
    public void executeRefund(String refundRequestId, String orderId, String outTradeNo, Integer payType, int amount) {
        PayRefundRequest request = new PayRefundRequest();
        request.setRefundRequestId(refundRequestId);
        request.setOrderId(orderId);
        request.setOutTradeNo(outTradeNo);
        request.setPayType(payType);
        request.setRefundAmount(amount);
        SentinelGuard.outbound(CIRCUIT_BREAKER, () -> unwrap(payApi.executeRefund(request)));
    }
}
