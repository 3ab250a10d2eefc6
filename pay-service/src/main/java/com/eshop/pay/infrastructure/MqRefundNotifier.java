package com.eshop.pay.infrastructure;

import com.eshop.common.api.mq.RefundCompletedMessage;
import com.eshop.common.api.mq.RocketMqConstant;
import com.eshop.pay.application.RefundNotifier;
import com.eshop.pay.domain.PayRefund;
import com.eshop.support.mq.MqProducer;
import org.springframework.stereotype.Component;

/** REFUND_COMPLETED, keyed by the order id. */
@Component
public class MqRefundNotifier implements RefundNotifier {
    private final MqProducer mqProducer;

    public MqRefundNotifier(MqProducer mqProducer) {
        this.mqProducer = mqProducer;
    }

    @Override
    public void refunded(PayRefund refund) {
        RefundCompletedMessage message = new RefundCompletedMessage();
        message.setRefundRequestId(refund.refundRequestId());
        message.setOrderId(refund.orderId());
        message.setOutTradeNo(refund.outTradeNo());
        message.setRefundAmount(refund.refundAmount());
        mqProducer.send(RocketMqConstant.REFUND_COMPLETED_TOPIC, refund.orderId(), message);
    }
}
