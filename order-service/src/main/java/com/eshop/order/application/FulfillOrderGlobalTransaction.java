package com.eshop.order.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.enums.OrderStatusEnum;
import com.eshop.order.domain.Order;
import com.eshop.order.domain.OrderItem;
import com.eshop.order.domain.OrderOperateTypeEnum;
import com.eshop.order.domain.OrderRepository;
import com.eshop.support.error.BizException;
import org.apache.seata.spring.annotation.GlobalTransactional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.util.List;

/** The fulfill-order global transaction (sections 9 and 13). */
@Component
@RequiredArgsConstructor
public class FulfillOrderGlobalTransaction {
    private final OrderRepository orderRepository;
    private final FulfillGateway fulfillGateway;

    /** Fulfillment (fulfill + WMS + TMS orders) and PAID -> FULFILL commit together or not at all. */
    @GlobalTransactional(name = "fulfill-order", rollbackFor = Exception.class, timeoutMills = 30_000)
    public void fulfillOrder(Order order, List<OrderItem> items) {
        fulfillGateway.receiveOrderFulfill(order, items);
        if (!orderRepository.transit(order.orderId(), OrderStatusEnum.PAID, OrderStatusEnum.FULFILL, OrderOperateTypeEnum.FULFILL)) {
            throw new BizException(ErrorCode.ORDER_STATUS_NOT_PAYABLE, "order " + order.orderId() + " left PAID during fulfillment");
        }
    }
}
