package com.eshop.order.application;

import com.eshop.common.api.enums.AfterSaleStatusEnum;
import com.eshop.common.api.enums.OrderCancelTypeEnum;
import com.eshop.common.api.enums.OrderStatusEnum;
import com.eshop.common.api.mq.ActualRefundMessage;
import com.eshop.order.domain.RefundRequestIds;
import com.eshop.order.infrastructure.gateway.InventoryGateway;
import com.eshop.order.infrastructure.gateway.MarketGateway;
import com.eshop.order.infrastructure.gateway.PayGateway;
import com.eshop.order.infrastructure.persistence.AfterSaleInfoDO;
import com.eshop.order.infrastructure.persistence.AfterSaleRefundDO;
import com.eshop.order.infrastructure.persistence.OrderCancelSettlementMapper;
import com.eshop.order.infrastructure.persistence.OrderInfoDO;
import com.eshop.order.infrastructure.persistence.OrderRepository;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

/**
 * The safety net for lost messages after a cancel (RELEASE_ASSETS, the release messages, CANCEL_REFUND_REQUEST,
 * ACTUAL_REFUND, the gateway's refund notification): reads this shard's cancelled orders of the window
 * (cancelled more than the grace period and less than the lookback ago) that it has not yet found settled, asks
 * inventory, market and its own after-sale records what is still open, and re-drives exactly that through the same
 * idempotent steps as the chain. An order found complete is recorded as settled and not read again.
 */
@Slf4j
@Service
@RequiredArgsConstructor
public class CancelledOrderReconciler {
    private final OrderCancelSettlementMapper settlementMapper;
    private final OrderRepository orderRepository;
    private final AfterSaleManager afterSaleManager;
    private final OrderAfterSaleService orderAfterSaleService;
    private final InventoryGateway inventoryGateway;
    private final MarketGateway marketGateway;
    private final PayGateway payGateway;
    private final OrderProperties orderProperties;

    public record ReconcileResult(int shardIndex, int shardTotal, int found, int settled, int redriven, int failed, long millis) {
    }

    public ReconcileResult reconcile(int shardIndex, int shardTotal, Consumer<String> progress) {
        long start = System.currentTimeMillis();
        Date until = new Date(start - orderProperties.getReconcileGrace().toMillis());
        Date from = new Date(start - orderProperties.getReconcileLookback().toMillis());
        Date afterCancelTime = from;
        String afterOrderId = "";
        int found = 0;
        int settled = 0;
        int redriven = 0;
        int failed = 0;
        int pageSize = orderProperties.getScanPageSize();
        while (true) {
            List<OrderInfoDO> page = settlementMapper.selectUnsettledCancelledPage(from, until, afterCancelTime, afterOrderId,
                    shardIndex, shardTotal, pageSize);
            for (OrderInfoDO row : page) {
                found++;
                try {
                    if (reconcileOrder(row.getOrderId())) {
                        settled++;
                    } else {
                        redriven++;
                    }
                } catch (RuntimeException e) {
                    failed++;
                    log.warn("reconciliation of cancelled order {} failed, next run retries: {}", row.getOrderId(), e.getMessage());
                }
            }
            if (page.size() < pageSize) {
                break;
            }
            OrderInfoDO last = page.get(page.size() - 1);
            afterCancelTime = last.getCancelTime();
            afterOrderId = last.getOrderId();
            progress.accept("shard " + shardIndex + "/" + shardTotal + ": " + found + " cancelled orders read, "
                    + settled + " settled, " + redriven + " re-driven, " + failed + " failed");
        }
        ReconcileResult result = new ReconcileResult(shardIndex, shardTotal, found, settled, redriven, failed, System.currentTimeMillis() - start);
        if (found > 0) {
            log.info("cancelled-order reconciliation: {}", result);
        }
        return result;
    }

    /** true when everything of this cancelled order is complete (then recorded as settled); false when something was re-driven. */
    boolean reconcileOrder(String orderId) {
        OrderInfoDO order = orderRepository.findCommittedOrder(orderId);
        if (order == null || !OrderStatusEnum.CANCELED.getCode().equals(order.getOrderStatus())) {
            return false;
        }
        OrderCancelTypeEnum cancelType = OrderCancelTypeEnum.find(order.getCancelType()).orElse(OrderCancelTypeEnum.USER_CANCELED);
        CancelOrderAssembleRequest request = orderAfterSaleService.buildAssembleRequest(order, cancelType);
        List<String> open = new ArrayList<>();
        if (inventoryGateway.holdsLockedStock(orderId)) {
            open.add("stock");
            orderAfterSaleService.releaseStock(request);
        }
        if (order.getCouponId() != null && marketGateway.isCouponHeldBy(order.getCouponId(), orderId)) {
            open.add("coupon");
            orderAfterSaleService.releaseCoupon(request);
        }
        if (orderRepository.isPaid(orderRepository.findPaymentDetail(orderId))) {
            redriveRefund(request, open);
        }
        if (!open.isEmpty()) {
            log.warn("cancelled order {} still had {} open: re-driven", orderId, open);
            return false;
        }
        settlementMapper.insertIgnore(orderId);
        return true;
    }

    private void redriveRefund(CancelOrderAssembleRequest request, List<String> open) {
        String afterSaleId = RefundRequestIds.afterSaleId(request.getOrderId());
        AfterSaleInfoDO afterSale = afterSaleManager.findAfterSale(afterSaleId);
        if (afterSale == null) {
            open.add("refund request");
            orderAfterSaleService.processCancelOrder(request);
            return;
        }
        if (AfterSaleStatusEnum.REVIEW_PASS.getCode().equals(afterSale.getAfterSaleStatus())) {
            open.add("refund");
            ActualRefundMessage message = new ActualRefundMessage();
            message.setOrderId(request.getOrderId());
            message.setAfterSaleId(afterSaleId);
            message.setLastReturnGoods(request.isLastReturnGoods());
            orderAfterSaleService.refundMoney(message);
            return;
        }
        if (AfterSaleStatusEnum.REFUNDING.getCode().equals(afterSale.getAfterSaleStatus())) {
            // refunded, but the gateway's notification never arrived: the same refund request again makes it re-send it
            open.add("refund notification");
            AfterSaleRefundDO refund = afterSaleManager.findRefund(afterSaleId);
            payGateway.executeRefund(refund.getRefundRequestId(), refund.getOrderId(), refund.getOutTradeNo(),
                    refund.getPayType(), refund.getRefundAmount());
        }
    }
}
