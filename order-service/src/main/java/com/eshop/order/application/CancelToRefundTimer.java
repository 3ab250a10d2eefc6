package com.eshop.order.application;

import com.eshop.order.domain.Order;
import com.eshop.order.domain.OrderRepository;
import com.eshop.support.metrics.EshopMetrics;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/** Records, when an after-sale reaches REFUNDED, the time from its order's cancel ({@link EshopMetrics#CANCEL_TO_REFUND}). */
@Component
@RequiredArgsConstructor
class CancelToRefundTimer {
    private final OrderRepository orderRepository;
    private final EshopMetrics metrics;

    void refunded(String orderId) {
        orderRepository.findOrder(orderId).map(Order::cancelTime)
                .ifPresent(cancelTime -> metrics.cancelToRefund(Duration.between(cancelTime, Instant.now())));
    }
}
