package com.eshop.consistency;

import com.eshop.common.api.mq.RocketMqConstant;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.eshop.consistency.SuiteState.*;
import static com.eshop.consistency.Evidence.v;

/** The broker: one transactional message per cancel, accepted payment and after-sale; no dead letters. */
final class BrokerInvariants {
    private final String nameServer;
    private final InvariantChecker.Options options;

    BrokerInvariants(String nameServer, InvariantChecker.Options options) {
        this.nameServer = nameServer;
        this.options = options;
    }

    int checkBroker(CheckScope scope, Set<String> subjects, SuiteState d, List<Violation> out, List<String> duplicateStores) {
        int read = 0;
        try (BrokerView broker = new BrokerView(nameServer)) {
            Map<String, List<BrokerView.StoredMessage>> release = broker.byKey(RocketMqConstant.RELEASE_ASSETS_TOPIC);
            Map<String, List<BrokerView.StoredMessage>> paid = broker.byKey(RocketMqConstant.PAID_ORDER_SUCCESS_TOPIC);
            Map<String, List<BrokerView.StoredMessage>> refund = broker.byKey(RocketMqConstant.ACTUAL_REFUND_TOPIC);
            read += count(release) + count(paid) + count(refund);
            for (BrokerView.StoredMessage m : broker.duplicateStores()) {
                String orderId = orderOfKeys(m, scope);
                if (orderId != null) {
                    duplicateStores.add(orderId + " " + m.topic() + " " + m.msgId() + " @" + m.queueId() + ":" + m.queueOffset());
                }
            }
            for (String orderId : subjects) {
                OrderRow order = d.orders.get(orderId);
                Map<String, Object> base = order == null ? Map.of("order_info", "none") : order.evidence();
                boolean cancelled = order != null && order.status() == CANCELED;
                PaymentDetail detail = d.details.get(orderId);
                boolean accepted = detail != null && detail.accepted();

                List<BrokerView.StoredMessage> r = release.getOrDefault(orderId, List.of());
                if (r.size() != (cancelled ? 1 : 0)) {
                    out.add(v(Invariant.RELEASE_ASSETS_IFF_CANCELLED, orderId, r.size() + " release_assets message(s) for an order that is "
                            + (cancelled ? "" : "not ") + "CANCELED", base, "messages", evidence(r)));
                }
                List<BrokerView.StoredMessage> p = paid.getOrDefault(orderId, List.of());
                if (p.size() != (accepted ? 1 : 0)) {
                    out.add(v(Invariant.PAID_SUCCESS_IFF_ACCEPTED, orderId, p.size() + " paid_order_success message(s) for an order "
                            + (accepted ? "with" : "without") + " an accepted payment", base, "payment_detail", detail, "messages", evidence(p)));
                }
                Set<String> afterSaleIds = new LinkedHashSet<>();
                d.afterSales.getOrDefault(orderId, List.of()).forEach(a -> afterSaleIds.add(a.afterSaleId()));
                afterSaleIds.add("AS" + orderId);
                for (String asId : afterSaleIds) {
                    boolean exists = d.afterSales.getOrDefault(orderId, List.of()).stream().anyMatch(a -> a.afterSaleId().equals(asId));
                    List<BrokerView.StoredMessage> a = refund.getOrDefault(asId, List.of());
                    if (a.size() != (exists ? 1 : 0)) {
                        out.add(v(Invariant.ACTUAL_REFUND_PER_AFTER_SALE, orderId, a.size() + " actual_refund message(s) keyed " + asId
                                + " for " + (exists ? "an existing" : "no") + " after-sale", base,
                                "after_sale", d.afterSales.getOrDefault(orderId, List.of()), "messages", evidence(a)));
                    }
                }
            }
            for (String group : options.dlqGroups()) {
                String dlq = "%DLQ%" + group;
                List<BrokerView.StoredMessage> dead = broker.readAll(dlq);
                read += dead.size();
                for (BrokerView.StoredMessage m : dead) {
                    String orderId = orderOfKeys(m, scope);
                    if (orderId == null && !scope.isAll()) {
                        continue; // another test's message
                    }
                    out.add(new Violation(Invariant.DLQ_EMPTY, "group " + dlq, orderId,
                            "message in the dead-letter queue: its work was never done", m.evidence()));
                }
            }
        }
        return read;
    }

    /** The order a message is about (its key, or an after-sale key AS&lt;order&gt;), if it is in scope. */
    private static String orderOfKeys(BrokerView.StoredMessage m, CheckScope scope) {
        for (String key : BrokerView.keys(m)) {
            if (!scope.isAll() && scope.contains(key)) {
                return key;
            }
            if (key.startsWith("AS") && !scope.isAll() && scope.contains(key.substring(2))) {
                return key.substring(2);
            }
        }
        if (scope.isAll()) {
            List<String> keys = BrokerView.keys(m);
            return keys.isEmpty() ? null : keys.get(0).startsWith("AS") ? keys.get(0).substring(2) : keys.get(0);
        }
        return null;
    }

    private static int count(Map<String, List<BrokerView.StoredMessage>> index) {
        Set<String> ids = new java.util.HashSet<>();
        index.values().forEach(l -> l.forEach(m -> ids.add(m.msgId())));
        return ids.size();
    }

    private static List<Map<String, Object>> evidence(List<BrokerView.StoredMessage> messages) {
        return messages.stream().map(BrokerView.StoredMessage::evidence).toList();
    }
}
