package com.eshop.order.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.RedisLockKeyConstants;
import com.eshop.common.api.enums.OrderCancelTypeEnum;
import com.eshop.common.api.enums.OrderStatusEnum;
import com.eshop.common.api.inventory.CancelOrderReleaseProductStockRequest;
import com.eshop.common.api.inventory.StockItemRequest;
import com.eshop.common.api.market.ReleaseUserCouponRequest;
import com.eshop.common.api.mq.ActualRefundMessage;
import com.eshop.common.api.mq.RefundCompletedMessage;
import com.eshop.common.api.mq.RocketMqConstant;
import com.eshop.common.api.order.AfterSaleDTO;
import com.eshop.common.api.order.CancelOrderRequest;
import com.eshop.common.api.order.OrderDetailDTO;
import com.eshop.common.api.pay.PayRefundRequest;
import com.eshop.order.domain.OrderStatusTransitions;
import com.eshop.order.domain.RefundRequestIds;
import com.eshop.order.infrastructure.gateway.PayGateway;
import com.eshop.order.infrastructure.persistence.AfterSaleInfoDO;
import com.eshop.order.infrastructure.persistence.AfterSaleRefundDO;
import com.eshop.order.infrastructure.persistence.OrderInfoDO;
import com.eshop.order.infrastructure.persistence.OrderPaymentDetailDO;
import com.eshop.order.infrastructure.persistence.OrderRepository;
import com.eshop.support.error.BizException;
import com.eshop.support.error.Checks;
import com.eshop.support.lock.RedisLock;
import com.eshop.support.mq.MqProducer;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.springframework.stereotype.Service;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/** The cancellation chain (sections 7-8, 15-19): cancel, release fan-out, refund preparation, actual refund. */
@Slf4j
@Service
@RequiredArgsConstructor
public class OrderAfterSaleService {
    /** Message property of the coupon release sent by refundMoney: its check-back looks the after-sale up. */
    public static final String AFTER_SALE_ID = "afterSaleId";

    private final OrderRepository orderRepository;
    private final AfterSaleManager afterSaleManager;
    private final PayGateway payGateway;
    private final RedisLock redisLock;
    private final MqProducer mqProducer;

    /** Manual cancel (AfterSaleApi): the order's own user, before OUT_STOCK; a cancelled order is an idempotent success. */
    public void cancelOrder(CancelOrderRequest request) {
        Checks.notNull(request, "request");
        String orderId = Checks.id(request.getOrderId(), "orderId");
        String userId = Checks.id(request.getUserId(), "userId");
        OrderCancelTypeEnum cancelType = request.getCancelType() == null ? OrderCancelTypeEnum.USER_CANCELED
                : OrderCancelTypeEnum.find(request.getCancelType())
                .orElseThrow(() -> BizException.invalid("cancelType must be 0 (user) or 1 (timeout)"));
        cancel(orderId, cancelType, order -> {
            if (!order.getUserId().equals(userId)) {
                throw new BizException(ErrorCode.ORDER_NOT_OWNED);
            }
            // a caller may ask for a timeout cancel only once the timeout is due; answering success would be false
            if (cancelType == OrderCancelTypeEnum.TIMEOUT_CANCELED && !isCanceled(order) && !isDueForTimeout(order)) {
                throw new BizException(ErrorCode.ORDER_NOT_EXPIRED, "order " + orderId + " is "
                        + OrderStatusEnum.of(order.getOrderStatus()) + " and expires " + order.getExpireTime());
            }
        });
    }

    private static boolean isCanceled(OrderInfoDO order) {
        return OrderStatusEnum.CANCELED.getCode().equals(order.getOrderStatus());
    }

    private static boolean isDueForTimeout(OrderInfoDO order) {
        return OrderStatusEnum.CREATED.getCode().equals(order.getOrderStatus()) && !order.getExpireTime().after(new Date());
    }

    /**
     * Timeout cancel (PayOrderTimeoutListener and AutoCancelExpiredOrderTask): the same path under the same lock,
     * for an order that is still CREATED and past its expire time; anything else is left alone.
     */
    public boolean cancelExpiredOrder(String orderId) {
        return cancel(orderId, OrderCancelTypeEnum.TIMEOUT_CANCELED, order -> {
        });
    }

    private boolean cancel(String orderId, OrderCancelTypeEnum cancelType, Consumer<OrderInfoDO> authorize) {
        try (RedisLock.LockHandle ignored = redisLock.lock(RedisLockKeyConstants.CANCEL_KEY + orderId)) {
            return executeCancelOrder(orderId, cancelType, authorize);
        }
    }

    /** Runs under CANCEL_KEY. Returns whether this call cancelled the order. */
    private boolean executeCancelOrder(String orderId, OrderCancelTypeEnum cancelType, Consumer<OrderInfoDO> authorize) {
        // committed state only: a CANCELED of a cancel still to be rolled back must not be confirmed as done
        OrderInfoDO order = orderRepository.findCommittedOrder(orderId);
        if (order == null) {
            throw new BizException(ErrorCode.ORDER_NOT_FOUND, "order " + orderId + " does not exist");
        }
        authorize.accept(order);
        OrderStatusEnum status = OrderStatusEnum.of(order.getOrderStatus());
        if (status == OrderStatusEnum.CANCELED) {
            log.info("order {} already cancelled: nothing to do", orderId);
            return false;
        }
        if (cancelType == OrderCancelTypeEnum.TIMEOUT_CANCELED && !isDueForTimeout(order)) {
            log.info("order {} is {} and expires {}: not a timeout", orderId, status, order.getExpireTime());
            return false;
        }
        if (!OrderStatusTransitions.isCancellable(status)) {
            throw new BizException(ErrorCode.CURRENT_ORDER_STATUS_CANNOT_CANCEL, "order " + orderId + " is " + status);
        }
        CancelOrderAssembleRequest request = buildAssembleRequest(order, cancelType);
        LocalTransactionState state = mqProducer.sendInTransaction(RocketMqConstant.RELEASE_ASSETS_TOPIC, orderId, request,
                Map.of(CancelOrderAssembleRequest.CANCEL_REQUEST_ID, request.getCancelRequestId()), request);
        if (state != LocalTransactionState.COMMIT_MESSAGE) {
            throw new BizException(ErrorCode.CANCEL_ORDER_PROCESS_FAILED, "cancel of " + orderId + " not confirmed yet; retry to see its outcome");
        }
        log.info("order {} cancelled ({}) from {}", orderId, cancelType, status);
        return true;
    }

    CancelOrderAssembleRequest buildAssembleRequest(OrderInfoDO order, OrderCancelTypeEnum cancelType) {
        String orderId = order.getOrderId();
        var items = orderRepository.findItems(orderId);
        CancelOrderAssembleRequest request = new CancelOrderAssembleRequest();
        request.setOrderId(orderId);
        request.setUserId(order.getUserId());
        request.setCancelType(cancelType.getCode());
        request.setCancelRequestId(UUID.randomUUID().toString());
        request.setOrderInfoDTO(OrderDtoAssembler.toDetail(order, items, orderRepository.findPaymentDetail(orderId)));
        request.setOrderItemDTOList(OrderDtoAssembler.toItems(items));
        return request;
    }

    /** Stock and coupons are released only for an order whose cancellation is globally committed. */
    public boolean isCancellationCommitted(String orderId) {
        Checks.id(orderId, "orderId");
        OrderInfoDO order = orderRepository.findCommittedOrder(orderId);
        if (order == null) {
            throw new BizException(ErrorCode.ORDER_NOT_FOUND, "order " + orderId + " does not exist");
        }
        return isCanceled(order);
    }

    /**
     * ReleaseAssetsListener: one message per asset, each on its own topic (section 16); a new asset type is a
     * new consumer. A redelivery re-sends all of them; every consumer is idempotent.
     */
    public void releaseAssets(CancelOrderAssembleRequest request) {
        OrderDetailDTO order = request.getOrderInfoDTO();
        if (OrderStatusTransitions.isPaid(OrderStatusEnum.of(order.getOrderStatus()))) {
            mqProducer.send(RocketMqConstant.CANCEL_REFUND_REQUEST_TOPIC, request.getOrderId(), request);
        }
        releaseStock(request);
        if (order.getCouponId() != null) {
            releaseCoupon(request);
        }
    }

    /** CANCEL_RELEASE_INVENTORY of a cancelled order (inventory releases what the order's stock log says). */
    void releaseStock(CancelOrderAssembleRequest request) {
        CancelOrderReleaseProductStockRequest stock = new CancelOrderReleaseProductStockRequest();
        stock.setOrderId(request.getOrderId());
        stock.setOrderItemRequestList(request.getOrderItemDTOList().stream().map(item -> {
            StockItemRequest stockItem = new StockItemRequest();
            stockItem.setSkuCode(item.getSkuCode());
            stockItem.setSaleQuantity(item.getSaleQuantity());
            return stockItem;
        }).toList());
        mqProducer.send(RocketMqConstant.CANCEL_RELEASE_INVENTORY_TOPIC, request.getOrderId(), stock);
    }

    /** CANCEL_RELEASE_PROPERTY of a cancelled order that used a coupon. */
    void releaseCoupon(CancelOrderAssembleRequest request) {
        OrderDetailDTO order = request.getOrderInfoDTO();
        mqProducer.send(RocketMqConstant.CANCEL_RELEASE_PROPERTY_TOPIC, request.getOrderId(),
                releaseUserCouponRequest(order.getUserId(), order.getCouponId(), request.getOrderId()));
    }

    /**
     * CancelRefundListener (section 15, first stage): one after-sale per cancelled paid order, written as the
     * local transaction of ACTUAL_REFUND. A redelivery finds the after-sale and sends nothing.
     */
    public void processCancelOrder(CancelOrderAssembleRequest request) {
        String orderId = request.getOrderId();
        try (RedisLock.LockHandle ignored = redisLock.lock(RedisLockKeyConstants.REFUND_KEY + orderId)) {
            OrderPaymentDetailDO payment = orderRepository.findPaymentDetail(orderId);
            if (!orderRepository.isPaid(payment)) {
                log.warn("refund request for unpaid order {}: nothing to refund", orderId);
                return;
            }
            String afterSaleId = RefundRequestIds.afterSaleId(orderId);
            if (afterSaleManager.findAfterSale(afterSaleId) != null) {
                log.info("after-sale {} exists: refund request already processed", afterSaleId);
                return;
            }
            int refundAmount = calculatingCancelOrderRefundAmount(payment);
            ActualRefundMessage message = new ActualRefundMessage();
            message.setOrderId(orderId);
            message.setAfterSaleId(afterSaleId);
            message.setLastReturnGoods(request.isLastReturnGoods());
            mqProducer.sendInTransaction(RocketMqConstant.ACTUAL_REFUND_TOPIC, afterSaleId, message, Map.of(),
                    new AfterSaleDraft(request, afterSaleId, refundAmount));
        }
    }

    /** The arg of ACTUAL_REFUND's local transaction. */
    public record AfterSaleDraft(CancelOrderAssembleRequest request, String afterSaleId, int refundAmount) {
    }

    /** A cancelled order is refunded in full: what was paid. */
    private static int calculatingCancelOrderRefundAmount(OrderPaymentDetailDO payment) {
        return payment.getPayAmount();
    }

    /**
     * ActualRefundListener (section 15, second stage): the gateway refunds by the after-sale's fixed refund request
     * id, so a redelivery never refunds twice; then REFUNDING, and on the last item the coupon release as a
     * transactional message bound to that update.
     */
    public void refundMoney(ActualRefundMessage message) {
        String afterSaleId = message.getAfterSaleId();
        try (RedisLock.LockHandle ignored = redisLock.lock(RedisLockKeyConstants.REFUND_MONEY_KEY + afterSaleId)) {
            AfterSaleInfoDO afterSale = afterSaleManager.findAfterSale(afterSaleId);
            AfterSaleRefundDO refund = afterSaleManager.findRefund(afterSaleId);
            if (afterSale == null || refund == null) {
                throw new BizException(ErrorCode.SYSTEM_ERROR, "after-sale " + afterSaleId + " not found");
            }
            if (afterSaleManager.isRefundExecuted(afterSaleId)) {
                log.info("after-sale {} already refunded", afterSaleId);
                return;
            }
            payGateway.executeRefund(refund.getRefundRequestId(), refund.getOrderId(), refund.getOutTradeNo(),
                    refund.getPayType(), refund.getRefundAmount());
            OrderInfoDO order = orderRepository.findOrder(refund.getOrderId());
            if (message.isLastReturnGoods() && order.getCouponId() != null) {
                mqProducer.sendInTransaction(RocketMqConstant.CANCEL_RELEASE_PROPERTY_TOPIC, order.getOrderId(),
                        releaseUserCouponRequest(order.getUserId(), order.getCouponId(), order.getOrderId()),
                        Map.of(AFTER_SALE_ID, afterSaleId), afterSaleId);
            } else {
                afterSaleManager.markRefunding(afterSaleId);
            }
        }
    }

    /**
     * The gateway's refund notification (RefundCompletedListener): completes the after-sale of that refund,
     * REFUNDING -> REFUNDED; a repeat changes nothing. It may overtake refundMoney's own bookkeeping: while the
     * after-sale is still REVIEW_PASS it is refused, so the message comes back later. A refund that belongs to no
     * after-sale (a payment the order did not keep) has nothing to complete.
     */
    public void completeRefund(RefundCompletedMessage message) {
        String refundRequestId = Checks.id(message.getRefundRequestId(), "refundRequestId", PayRefundRequest.MAX_REFUND_REQUEST_ID_LENGTH);
        AfterSaleRefundDO refund = afterSaleManager.findRefundByRequestId(refundRequestId);
        if (refund == null) {
            log.info("refund {} of order {} belongs to no after-sale: nothing to complete", refundRequestId, message.getOrderId());
            return;
        }
        if (!refund.getRefundAmount().equals(message.getRefundAmount())) {
            throw new BizException(ErrorCode.SYSTEM_ERROR, "refund " + refundRequestId + " notified with " + message.getRefundAmount()
                    + " cents, the after-sale refunds " + refund.getRefundAmount());
        }
        String afterSaleId = refund.getAfterSaleId();
        try (RedisLock.LockHandle ignored = redisLock.lock(RedisLockKeyConstants.REFUND_MONEY_KEY + afterSaleId)) {
            if (afterSaleManager.markRefunded(afterSaleId)) {
                log.info("after-sale {} refunded", afterSaleId);
            } else if (!afterSaleManager.isRefundExecuted(afterSaleId)) {
                throw new BizException(ErrorCode.LOCK_BUSY, "after-sale " + afterSaleId + " has not recorded its refund yet");
            }
        }
    }

    public List<AfterSaleDTO> listAfterSales(String orderId) {
        Checks.id(orderId, "orderId");
        return afterSaleManager.listAfterSales(orderId).stream().map(info -> {
            AfterSaleDTO dto = new AfterSaleDTO();
            dto.setAfterSaleId(info.getAfterSaleId());
            dto.setOrderId(info.getOrderId());
            dto.setUserId(info.getUserId());
            dto.setAfterSaleType(info.getAfterSaleType());
            dto.setAfterSaleStatus(info.getAfterSaleStatus());
            dto.setApplyRefundAmount(info.getApplyRefundAmount());
            dto.setRealRefundAmount(info.getRealRefundAmount());
            dto.setCreatedTime(info.getGmtCreate());
            AfterSaleRefundDO refund = afterSaleManager.findRefund(info.getAfterSaleId());
            if (refund != null) {
                dto.setRefundStatus(refund.getRefundStatus());
                dto.setRefundRequestId(refund.getRefundRequestId());
            }
            return dto;
        }).toList();
    }

    private static ReleaseUserCouponRequest releaseUserCouponRequest(String userId, String couponId, String orderId) {
        ReleaseUserCouponRequest request = new ReleaseUserCouponRequest();
        request.setUserId(userId);
        request.setCouponId(couponId);
        request.setOrderId(orderId);
        return request;
    }
}
