package com.eshop.order.mq;

import com.eshop.common.api.RedisLockKeyConstants;
import com.eshop.common.api.mq.RocketMqConstant;
import com.eshop.order.application.OrderManager;
import com.eshop.order.application.OrderService;
import com.eshop.support.lock.RedisLock;
import com.eshop.support.mq.LocalTransactionHandler;
import lombok.RequiredArgsConstructor;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.springframework.stereotype.Component;

/** PAID_ORDER_SUCCESS is delivered iff CREATED -> PAID committed. */
@Component
@RequiredArgsConstructor
public class PaidOrderSuccessTransaction implements LocalTransactionHandler {
    private final OrderManager orderManager;
    private final OrderService orderService;
    private final RedisLock redisLock;

    @Override
    public String topic() {
        return RocketMqConstant.PAID_ORDER_SUCCESS_TOPIC;
    }

    @Override
    public LocalTransactionState executeLocalTransaction(Message message, Object arg) {
        OrderService.PaidOrderCommand command = (OrderService.PaidOrderCommand) arg;
        orderManager.updateOrderStatusPaid(command.orderId(), command.payType(), command.outTradeNo(), command.payAmount());
        return LocalTransactionState.COMMIT_MESSAGE;
    }

    /** The order id is the key; a callback still holding ORDER_PAY_KEY may yet commit, so ask again later. */
    @Override
    public LocalTransactionState checkLocalTransaction(MessageExt message) {
        String orderId = message.getKeys();
        return redisLock.tryLockNow(RedisLockKeyConstants.ORDER_PAY_KEY + orderId).map(lock -> {
            try (lock) {
                return orderService.isPaymentAccepted(orderId) ? LocalTransactionState.COMMIT_MESSAGE : LocalTransactionState.ROLLBACK_MESSAGE;
            }
        }).orElse(LocalTransactionState.UNKNOW);
    }
}
