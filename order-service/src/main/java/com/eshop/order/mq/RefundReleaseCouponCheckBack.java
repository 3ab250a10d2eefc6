package com.eshop.order.mq;

import com.eshop.common.api.mq.RocketMqConstant;
import com.eshop.order.application.OrderLocks;
import com.eshop.order.application.RefundMoneyService;
import com.eshop.support.mq.TransactionCheckBack;
import lombok.RequiredArgsConstructor;
import org.apache.rocketmq.common.message.MessageExt;
import org.springframework.stereotype.Component;

/** refundMoney on the last item: the coupon release is delivered iff that attempt recorded the after-sale's refund. */
@Component
@RequiredArgsConstructor
public class RefundReleaseCouponCheckBack implements TransactionCheckBack {
    private final RefundMoneyService refundMoneyService;

    @Override
    public String topic() {
        return RocketMqConstant.CANCEL_RELEASE_PROPERTY_TOPIC;
    }

    @Override
    public String lockKey(MessageExt message) {
        return OrderLocks.refundMoney(message.getUserProperty(RefundMoneyService.AFTER_SALE_ID));
    }

    @Override
    public boolean isCommitted(MessageExt message, String attemptId) {
        return refundMoneyService.isRefundRecordedBy(message.getUserProperty(RefundMoneyService.AFTER_SALE_ID), attemptId);
    }
}
