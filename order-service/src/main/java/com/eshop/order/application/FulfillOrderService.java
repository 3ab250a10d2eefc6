package com.eshop.order.application;

import com.eshop.common.api.enums.OrderStatusEnum;
import com.eshop.order.domain.Order;
import com.eshop.order.domain.OrderRepository;
import com.eshop.support.lock.RedisLock;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.stereotype.Service;

import java.util.Optional;

/** A paid order goes to fulfillment (section 9), asynchronously, on PAID_ORDER_SUCCESS. */
@Slf4j
@Service
@RequiredArgsConstructor
public class FulfillOrderService {
    private final OrderRepository orderRepository;
    private final FulfillOrderGlobalTransaction fulfillOrderGlobalTransaction;
    private final RedisLock redisLock;

    /**
     * Under the cancel lock, a PAID order goes to fulfillment; a cancelled or already fulfilled one is left alone,
     * so a redelivery or a late message creates nothing.
     */
    public void fulfillPaidOrder(String orderId) {
        try (RedisLock.LockHandle ignored = redisLock.lock(OrderLocks.cancel(orderId))) {
            // a FULFILL left by a fulfillment still to be rolled back must not count: the message would be consumed
            Optional<Order> order = orderRepository.findCommittedOrder(orderId);
            if (order.isEmpty() || order.get().status() != OrderStatusEnum.PAID) {
                log.info("order {} is not PAID ({}): no fulfillment", orderId, order.map(Order::status).orElse(null));
                return;
            }
            fulfillOrderGlobalTransaction.fulfillOrder(order.get(), orderRepository.findItems(orderId));
        }
    }
}
