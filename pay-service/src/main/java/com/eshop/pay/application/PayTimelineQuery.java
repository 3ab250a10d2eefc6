package com.eshop.pay.application;

import com.eshop.common.api.ops.TimelineEntry;
import com.eshop.common.api.ops.TimelineServices;
import com.eshop.pay.domain.PayEvent;
import com.eshop.pay.domain.PayEventRepository;
import com.eshop.support.error.Checks;
import org.springframework.stereotype.Service;

import java.util.Date;
import java.util.List;

/** The order timeline's steps of the order's money at the gateway: pre-pay, captured payments, executed refunds. */
@Service
public class PayTimelineQuery {
    private final PayEventRepository repository;

    public PayTimelineQuery(PayEventRepository repository) {
        this.repository = repository;
    }

    public List<TimelineEntry> orderTimeline(String orderId) {
        Checks.id(orderId, "orderId");
        return repository.findByOrderId(orderId).stream().map(PayTimelineQuery::entry).toList();
    }

    private static TimelineEntry entry(PayEvent event) {
        String description = switch (event.type()) {
            case PRE_PAY_CREATED -> "pre-pay transaction opened for " + cents(event.amount());
            case PAYMENT_CAPTURED -> "payment of " + cents(event.amount()) + " captured";
            case REFUND_EXECUTED -> "refund of " + cents(event.amount()) + " executed";
        };
        return TimelineEntry.of(Date.from(event.at()), TimelineServices.PAY, event.type().name(), description)
                .with("outTradeNo", event.outTradeNo())
                .with("payType", event.payType())
                .with("amount", event.amount())
                .with("refundRequestId", event.refundRequestId());
    }

    private static String cents(int amount) {
        return String.format("%d.%02d", amount / 100, amount % 100);
    }
}
