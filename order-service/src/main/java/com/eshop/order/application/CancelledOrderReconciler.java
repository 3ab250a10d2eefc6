package com.eshop.order.application;

import com.eshop.common.api.enums.OrderCancelTypeEnum;
import com.eshop.common.api.enums.OrderStatusEnum;
import com.eshop.common.api.mq.CancelOrderAssembleRequest;
import com.eshop.order.domain.AfterSaleLifecycle;
import com.eshop.order.domain.AfterSaleRefund;
import com.eshop.order.domain.AfterSaleRepository;
import com.eshop.order.domain.Order;
import com.eshop.order.domain.OrderCursor;
import com.eshop.order.domain.OrderPayment;
import com.eshop.order.domain.OrderRepository;
import com.eshop.order.domain.RefundRequestIds;
import com.eshop.support.logging.OrderMdc;
import com.eshop.support.metrics.EshopMetrics;
import jakarta.annotation.PostConstruct;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The safety net for lost messages after a cancel (RELEASE_ASSETS, the release messages, CANCEL_REFUND_REQUEST,
 * ACTUAL_REFUND, the gateway's refund notification): reads this shard's cancelled orders of the window
 * (cancelled more than the grace period and less than the lookback ago) that it has not yet found settled, asks
 * inventory, market and its own after-sale records what is still open, and re-drives exactly that through the same
 * idempotent steps as the chain. An order found complete is recorded as settled and not read again. Each run is
 * counted with what it found, settled, re-drove and failed.
 */
@Slf4j
@Service
@RequiredArgsConstructor
public class CancelledOrderReconciler {
    private final OrderRepository orderRepository;
    private final AfterSaleRepository afterSaleRepository;
    private final CancelOrderAssembler cancelOrderAssembler;
    private final ReleaseAssetsService releaseAssetsService;
    private final PrepareRefundService prepareRefundService;
    private final RefundMoneyService refundMoneyService;
    private final InventoryGateway inventoryGateway;
    private final MarketGateway marketGateway;
    private final PayGateway payGateway;
    private final OrderProperties orderProperties;
    private final EshopMetrics metrics;

    @PostConstruct
    void registerMetrics() {
        metrics.registerReconcileRuns();
    }

    public record ReconcileResult(int shardIndex, int shardTotal, int found, int settled, int redriven, int failed, long millis) {
    }

    public ReconcileResult reconcile(int shardIndex, int shardTotal, Consumer<String> progress) {
        long start = System.currentTimeMillis();
        Instant until = Instant.ofEpochMilli(start).minus(orderProperties.getReconcileGrace());
        Instant from = Instant.ofEpochMilli(start).minus(orderProperties.getReconcileLookback());
        OrderCursor after = OrderCursor.start(from);
        int found = 0;
        int settled = 0;
        int redriven = 0;
        int failed = 0;
        int pageSize = orderProperties.getScanPageSize();
        while (true) {
            List<OrderCursor> page = orderRepository.findUnsettledCancelledPage(from, until, after, shardIndex, shardTotal, pageSize);
            for (OrderCursor row : page) {
                found++;
                try (OrderMdc.Scope ignored = OrderMdc.put(row.orderId())) {
                    try {
                        if (reconcileOrder(row.orderId())) {
                            settled++;
                        } else {
                            redriven++;
                        }
                    } catch (RuntimeException e) {
                        failed++;
                        log.warn("reconciliation of cancelled order {} failed, next run retries: {}", row.orderId(), e.getMessage());
                    }
                }
            }
            if (page.size() < pageSize) {
                break;
            }
            after = page.get(page.size() - 1);
            progress.accept("shard " + shardIndex + "/" + shardTotal + ": " + found + " cancelled orders read, "
                    + settled + " settled, " + redriven + " re-driven, " + failed + " failed");
        }
        ReconcileResult result = new ReconcileResult(shardIndex, shardTotal, found, settled, redriven, failed, System.currentTimeMillis() - start);
        metrics.reconcileRun(found, settled, redriven, failed);
        if (found > 0) {
            log.info("cancelled-order reconciliation: {}", result);
        }
        return result;
    }

    /** true when everything of this cancelled order is complete (then recorded as settled); false when something was re-driven. */
    boolean reconcileOrder(String orderId) {
        Optional<Order> found = orderRepository.findCommittedOrder(orderId);
        if (found.isEmpty() || found.get().status() != OrderStatusEnum.CANCELED) {
            return false;
        }
        Order order = found.get();
        OrderCancelTypeEnum cancelType = OrderCancelTypeEnum.find(order.cancelType()).orElse(OrderCancelTypeEnum.USER_CANCELED);
        CancelOrderAssembleRequest request = cancelOrderAssembler.assemble(order, cancelType);
        boolean paid = orderRepository.findPayment(orderId).filter(OrderPayment::isPaid).isPresent();
        List<String> open = new ArrayList<>();
        if (inventoryGateway.holdsLockedStock(orderId)) {
            open.add("stock");
            releaseAssetsService.releaseStock(request);
        }
        // a paid order's coupon goes back with its refund: a refund re-driven here releases it when it runs
        boolean refundStillToRun = paid && redriveRefund(request, open);
        if (!refundStillToRun && order.couponId() != null && marketGateway.isCouponHeldBy(order.couponId(), orderId)) {
            open.add("coupon");
            releaseAssetsService.releaseCoupon(order.userId(), order.couponId(), orderId);
        }
        if (!open.isEmpty()) {
            log.warn("cancelled order {} still had {} open: re-driven", orderId, open);
            return false;
        }
        orderRepository.recordSettled(orderId);
        return true;
    }

    /**
     * Takes the after-sale's next step of its {@link AfterSaleLifecycle} through the chain's own use case; true when
     * the gateway refund itself was still to run.
     */
    private boolean redriveRefund(CancelOrderAssembleRequest request, List<String> open) {
        String afterSaleId = RefundRequestIds.afterSaleId(request.getOrderId());
        return switch (AfterSaleLifecycle.nextStep(AfterSaleLifecycle.statusOf(afterSaleRepository.findAfterSale(afterSaleId)))) {
            case PREPARE_REFUND -> {
                open.add("refund request");
                prepareRefundService.processCancelOrder(request);
                yield true;
            }
            case REFUND_MONEY -> {
                open.add("refund");
                refundMoneyService.refundMoney(PrepareRefundService.actualRefundMessage(request));
                yield true;
            }
            case AWAIT_NOTIFICATION -> {
                // refunded, but the gateway's notification never arrived: the same refund request again makes it re-send it
                open.add("refund notification");
                AfterSaleRefund refund = afterSaleRepository.findRefund(afterSaleId).orElseThrow();
                payGateway.executeRefund(refund.refundRequestId(), refund.orderId(), refund.outTradeNo(), refund.payType(), refund.refundAmount());
                yield false;
            }
            case NONE -> false;
        };
    }
}
