package com.eshop.order.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.enums.OrderStatusEnum;
import com.eshop.common.api.enums.PayStatusEnum;
import com.eshop.order.domain.Order;
import com.eshop.order.domain.OrderItem;
import com.eshop.order.domain.OrderOperateTypeEnum;
import com.eshop.order.domain.OrderPayment;
import com.eshop.support.error.BizException;
import com.eshop.support.fault.FaultSwitches;
import com.eshop.support.lock.InProcessRedisLock;
import com.eshop.support.lock.RedisLock;
import com.eshop.support.metrics.EshopMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** order-service's use cases wired over in-memory ports: no database, broker, Redis or other service. */
class OrderFixture {
    static final String USER = "U1";
    static final int PAY_TYPE = 10;

    final InMemoryOrderRepository orders = new InMemoryOrderRepository();
    final InMemoryAfterSaleRepository afterSales = new InMemoryAfterSaleRepository();
    final RecordingMqProducer mq = new RecordingMqProducer();
    final RedisLock locks = InProcessRedisLock.create(Duration.ZERO);
    final FakePayGateway pay = new FakePayGateway();
    final FakeFulfillGateway fulfill = new FakeFulfillGateway();
    final FakeInventoryGateway inventory = new FakeInventoryGateway();
    final FakeMarketGateway market = new FakeMarketGateway();
    final OrderProperties properties = new OrderProperties();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final EshopMetrics metrics = new EshopMetrics(meters);

    final CancelOrderAssembler assembler = new CancelOrderAssembler(orders);
    final CancelOrderService cancelOrderService = new CancelOrderService(orders, assembler,
            new CancelOrderGlobalTransaction(orders, fulfill, new OrderFaults(FaultSwitches.disabled())), locks, mq, metrics);
    final PayOrderTimeoutService payOrderTimeoutService = new PayOrderTimeoutService(orders, cancelOrderService, mq,
            new OrderFaults(FaultSwitches.disabled()), metrics);
    final PayCallbackService payCallbackService = new PayCallbackService(orders, pay, locks, mq);
    final ReleaseAssetsService releaseAssetsService = new ReleaseAssetsService(mq);
    final PrepareRefundService prepareRefundService = new PrepareRefundService(orders, afterSales, locks, mq);
    final CancelToRefundTimer cancelToRefundTimer = new CancelToRefundTimer(orders, metrics);
    final RefundMoneyService refundMoneyService = new RefundMoneyService(orders, afterSales, pay, locks, mq, cancelToRefundTimer);
    final CompleteRefundService completeRefundService = new CompleteRefundService(afterSales, locks, cancelToRefundTimer);
    final CancelledOrderReconciler reconciler = new CancelledOrderReconciler(orders, afterSales, assembler, releaseAssetsService,
            prepareRefundService, refundMoneyService, inventory, market, pay, properties, metrics);

    /** A stored unpaid order of two items (700 + 300 cents), optionally with a 100-cent coupon. */
    Order unpaidOrder(String orderId, Instant expireTime, String couponId) {
        int coupon = couponId == null ? 0 : 100;
        Order order = new Order(orderId, USER, 1, 1, OrderStatusEnum.CREATED, null, null, couponId, 1000, coupon, 1000 - coupon, null,
                expireTime, Instant.now().minusSeconds(60));
        orders.insertNewOrder(order, List.of(
                new OrderItem(orderId + "-1", orderId, "SKU-A", "A", 350, 2, 700),
                new OrderItem(orderId + "-2", orderId, "SKU-B", "B", 100, 3, 300)), OrderPayment.unpaid(orderId, order.payAmount()));
        if (couponId != null) {
            market.held.put(couponId, orderId);
        }
        inventory.locked.add(orderId);
        return order;
    }

    /** A stored order paid through the accepted pay callback path, in {@code status} (PAID or later). */
    Order paidOrder(String orderId, String couponId, OrderStatusEnum status) {
        Order order = unpaidOrder(orderId, Instant.now().plusSeconds(600), couponId);
        orders.markPaid(orderId, PAY_TYPE, "T-" + orderId, order.payAmount(), "pay-" + orderId);
        if (status != OrderStatusEnum.PAID) {
            orders.transit(orderId, OrderStatusEnum.PAID, status, OrderOperateTypeEnum.FULFILL);
        }
        return orders.order(orderId);
    }

    /** Cancel requests counted with this type ("user", "timeout") and outcome ("cancelled", "already_cancelled", ...). */
    double cancels(String type, String outcome) {
        return meters.counter(EshopMetrics.ORDER_CANCELS, "type", type, "outcome", outcome).count();
    }

    boolean isPaid(String orderId) {
        return orders.payments.get(orderId).payStatus() == PayStatusEnum.PAID;
    }

    static class FakePayGateway implements PayGateway {
        /** refund request id -> amount; the gateway refunds once per id. */
        final Map<String, Integer> refunds = new HashMap<>();
        final List<String> refundCalls = new ArrayList<>();

        @Override
        public String prePay(String orderId, String userId, int payType, int payAmount) {
            return "T-" + orderId;
        }

        @Override
        public void executeRefund(String refundRequestId, String orderId, String outTradeNo, Integer payType, int amount) {
            refundCalls.add(refundRequestId);
            refunds.putIfAbsent(refundRequestId, amount);
        }
    }

    static class FakeFulfillGateway implements FulfillGateway {
        final List<String> intercepted = new ArrayList<>();
        final List<String> fulfilled = new ArrayList<>();
        ErrorCode interceptRefusal;

        @Override
        public void receiveOrderFulfill(Order order, List<OrderItem> items) {
            fulfilled.add(order.orderId());
        }

        @Override
        public void cancelFulfill(String orderId) {
            if (interceptRefusal != null) {
                throw new BizException(interceptRefusal);
            }
            intercepted.add(orderId);
        }
    }

    static class FakeInventoryGateway implements InventoryGateway {
        final Set<String> locked = ConcurrentHashMap.newKeySet();

        @Override
        public void lockProductStock(String orderId, List<OrderItem> items) {
            locked.add(orderId);
        }

        @Override
        public boolean holdsLockedStock(String orderId) {
            return locked.contains(orderId);
        }
    }

    static class FakeMarketGateway implements MarketGateway {
        /** coupon id -> the order using it. */
        final Map<String, String> held = new HashMap<>();

        @Override
        public int lockUserCoupon(String userId, String couponId, String orderId) {
            held.put(couponId, orderId);
            return 100;
        }

        @Override
        public boolean isCouponHeldBy(String couponId, String orderId) {
            return orderId.equals(held.get(couponId));
        }
    }
}
