package com.eshop.order.mq;

import com.eshop.common.api.mq.RocketMqConstant;
import com.eshop.order.application.OrderManager;
import com.eshop.order.application.OrderService;
import com.eshop.support.mq.CheckBackPolicy;
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
    private final CheckBackPolicy checkBackPolicy;

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
        return checkBackPolicy.decide(orderService.isPaymentAccepted(message.getKeys()), message);
    }
}
