package com.eshop.order.application;

import com.eshop.common.api.enums.OrderStatusEnum;
import com.eshop.common.api.enums.PayStatusEnum;
import com.eshop.order.domain.Order;
import com.eshop.order.domain.OrderCursor;
import com.eshop.order.domain.OrderItem;
import com.eshop.order.domain.OrderOperateTypeEnum;
import com.eshop.order.domain.OrderPayment;
import com.eshop.order.domain.OrderRepository;
import com.eshop.order.domain.PaymentRecord;
import com.eshop.order.domain.PaymentRecordStatus;
import com.eshop.order.domain.ProductSku;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** order_db in memory, with the conditional writes of the MyBatis adapter. */
class InMemoryOrderRepository implements OrderRepository {
    record OperateLog(String orderId, OrderOperateTypeEnum type, OrderStatusEnum from, OrderStatusEnum to, String requestId) {
    }

    final Map<String, Order> orders = new LinkedHashMap<>();
    final Map<String, List<OrderItem>> items = new LinkedHashMap<>();
    final Map<String, OrderPayment> payments = new LinkedHashMap<>();
    final Map<String, PaymentRecord> paymentRecords = new LinkedHashMap<>();
    final Map<String, ProductSku> skus = new LinkedHashMap<>();
    final List<OperateLog> operateLogs = new ArrayList<>();
    final Set<String> settled = new HashSet<>();

    Order order(String orderId) {
        return orders.get(orderId);
    }

    @Override
    public Optional<Order> findOrder(String orderId) {
        return Optional.ofNullable(orders.get(orderId));
    }

    @Override
    public Optional<Order> findCommittedOrder(String orderId) {
        return findOrder(orderId);
    }

    @Override
    public List<OrderItem> findItems(String orderId) {
        return items.getOrDefault(orderId, List.of());
    }

    @Override
    public Optional<OrderPayment> findPayment(String orderId) {
        return Optional.ofNullable(payments.get(orderId));
    }

    @Override
    public List<ProductSku> findSkus(Collection<String> skuCodes) {
        return skuCodes.stream().map(skus::get).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public void insertNewOrder(Order order, List<OrderItem> orderItems, OrderPayment payment) {
        if (orders.putIfAbsent(order.orderId(), order) != null) {
            throw new IllegalStateException("duplicate order " + order.orderId());
        }
        items.put(order.orderId(), List.copyOf(orderItems));
        payments.put(order.orderId(), payment);
        operateLogs.add(new OperateLog(order.orderId(), OrderOperateTypeEnum.NEW_ORDER, OrderStatusEnum.CREATED, OrderStatusEnum.CREATED, null));
    }

    @Override
    public void choosePayType(String orderId, int payType) {
        OrderPayment p = payments.get(orderId);
        if (p != null && !p.isPaid()) {
            payments.put(orderId, new OrderPayment(orderId, payType, p.payAmount(), p.payStatus(), p.outTradeNo(), p.payTime()));
        }
    }

    @Override
    public boolean markPaid(String orderId, int payType, String outTradeNo, int payAmount, String payRequestId) {
        Order o = orders.get(orderId);
        if (o == null || o.status() != OrderStatusEnum.CREATED) {
            return false;
        }
        orders.put(orderId, withStatus(o, OrderStatusEnum.PAID, payType));
        OrderPayment p = payments.get(orderId);
        payments.put(orderId, new OrderPayment(orderId, payType, p.payAmount(), PayStatusEnum.PAID, outTradeNo, Instant.now()));
        paymentRecords.put(orderId + "/" + payType, new PaymentRecord(orderId, payType, outTradeNo, payAmount, PaymentRecordStatus.ACCEPTED, null));
        operateLogs.add(new OperateLog(orderId, OrderOperateTypeEnum.PAID, OrderStatusEnum.CREATED, OrderStatusEnum.PAID, payRequestId));
        return true;
    }

    @Override
    public boolean isPaidBy(String orderId, String payRequestId) {
        return operateLogs.stream().anyMatch(log -> log.orderId().equals(orderId) && payRequestId.equals(log.requestId()));
    }

    @Override
    public boolean transit(String orderId, OrderStatusEnum from, OrderStatusEnum to, OrderOperateTypeEnum operateType) {
        Order o = orders.get(orderId);
        if (o == null || o.status() != from) {
            return false;
        }
        orders.put(orderId, withStatus(o, to, o.payType()));
        operateLogs.add(new OperateLog(orderId, operateType, from, to, null));
        return true;
    }

    @Override
    public boolean cancel(String orderId, OrderStatusEnum from, int cancelType, OrderOperateTypeEnum operateType, String cancelRequestId) {
        Order o = orders.get(orderId);
        if (o == null || o.status() != from) {
            return false;
        }
        orders.put(orderId, new Order(o.orderId(), o.userId(), o.businessIdentifier(), o.orderType(), OrderStatusEnum.CANCELED, cancelType,
                Instant.now(), o.couponId(), o.totalAmount(), o.couponAmount(), o.payAmount(), o.payType(), o.expireTime(), o.createdTime()));
        operateLogs.add(new OperateLog(orderId, operateType, from, OrderStatusEnum.CANCELED, cancelRequestId));
        return true;
    }

    @Override
    public boolean isCancelCommitted(String orderId, String cancelRequestId) {
        return operateLogs.stream().anyMatch(log -> cancelRequestId.equals(log.requestId()));
    }

    @Override
    public PaymentRecord recordUnacceptedPayment(PaymentRecord payment) {
        return paymentRecords.computeIfAbsent(payment.orderId() + "/" + payment.payType(), k -> payment);
    }

    @Override
    public void markPaymentRefunded(String orderId, int payType) {
        paymentRecords.computeIfPresent(orderId + "/" + payType, (k, r) -> r.status() != PaymentRecordStatus.REFUND_PENDING ? r
                : new PaymentRecord(r.orderId(), r.payType(), r.outTradeNo(), r.payAmount(), PaymentRecordStatus.REFUNDED, r.refundRequestId()));
    }

    @Override
    public List<OrderCursor> findExpiredUnpaidPage(Instant now, OrderCursor after, int shardIndex, int shardTotal, int pageSize) {
        return orders.values().stream().filter(o -> o.status() == OrderStatusEnum.CREATED && !o.expireTime().isAfter(now))
                .map(o -> new OrderCursor(o.orderId(), o.expireTime())).filter(c -> isAfter(c, after))
                .sorted(Comparator.comparing(OrderCursor::time).thenComparing(OrderCursor::orderId)).limit(pageSize).toList();
    }

    @Override
    public List<OrderCursor> findUnsettledCancelledPage(Instant from, Instant until, OrderCursor after, int shardIndex, int shardTotal,
                                                        int pageSize) {
        return orders.values().stream().filter(o -> o.status() == OrderStatusEnum.CANCELED && !settled.contains(o.orderId())
                        && o.cancelTime().isAfter(from) && !o.cancelTime().isAfter(until))
                .map(o -> new OrderCursor(o.orderId(), o.cancelTime())).filter(c -> isAfter(c, after))
                .sorted(Comparator.comparing(OrderCursor::time).thenComparing(OrderCursor::orderId)).limit(pageSize).toList();
    }

    @Override
    public void recordSettled(String orderId) {
        settled.add(orderId);
    }

    private static boolean isAfter(OrderCursor cursor, OrderCursor after) {
        return cursor.time().isAfter(after.time()) || cursor.time().equals(after.time()) && cursor.orderId().compareTo(after.orderId()) > 0;
    }

    private static Order withStatus(Order o, OrderStatusEnum status, Integer payType) {
        return new Order(o.orderId(), o.userId(), o.businessIdentifier(), o.orderType(), status, o.cancelType(), o.cancelTime(),
                o.couponId(), o.totalAmount(), o.couponAmount(), o.payAmount(), payType, o.expireTime(), o.createdTime());
    }
}
