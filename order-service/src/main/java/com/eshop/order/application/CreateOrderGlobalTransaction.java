package com.eshop.order.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.order.domain.Order;
import com.eshop.order.domain.OrderAmounts;
import com.eshop.order.domain.OrderItem;
import com.eshop.order.domain.OrderPayment;
import com.eshop.order.domain.OrderRepository;
import com.eshop.support.error.BizException;
import org.apache.seata.spring.annotation.GlobalTransactional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.util.List;

/** The create-order global transaction (sections 9 and 13: synchronous, rigid). */
@Component
@RequiredArgsConstructor
public class CreateOrderGlobalTransaction {
    private final OrderRepository orderRepository;
    private final MarketGateway marketGateway;
    private final InventoryGateway inventoryGateway;

    /**
     * Lock coupon (market) → write order (here) → lock stock (inventory), all or nothing: a refusal anywhere
     * rolls every branch back through the undo logs. Returns the order with its coupon applied.
     */
    @GlobalTransactional(name = "create-order", rollbackFor = Exception.class, timeoutMills = 30_000)
    public Order createOrder(Order order, List<OrderItem> items, Integer clientPayAmount) {
        Order priced = order;
        if (order.couponId() != null) {
            int couponAmount = marketGateway.lockUserCoupon(order.userId(), order.couponId(), order.orderId());
            if (!OrderAmounts.couponApplies(order.totalAmount(), couponAmount)) {
                throw new BizException(ErrorCode.COUPON_NOT_APPLICABLE);
            }
            priced = order.withCouponAmount(couponAmount);
        }
        if (clientPayAmount != null && clientPayAmount != priced.payAmount()) {
            throw new BizException(ErrorCode.ORDER_REAL_PAY_AMOUNT_MISMATCH,
                    "expected pay amount " + priced.payAmount() + ", client sent " + clientPayAmount);
        }
        orderRepository.insertNewOrder(priced, items, OrderPayment.unpaid(priced.orderId(), priced.payAmount()));
        inventoryGateway.lockProductStock(priced.orderId(), items);
        return priced;
    }
}
