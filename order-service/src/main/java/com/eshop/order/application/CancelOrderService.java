package com.eshop.order.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.enums.OrderCancelTypeEnum;
import com.eshop.common.api.enums.OrderStatusEnum;
import com.eshop.common.api.mq.CancelOrderAssembleRequest;
import com.eshop.common.api.mq.RocketMqConstant;
import com.eshop.common.api.order.CancelOrderRequest;
import com.eshop.order.domain.CancelDecision;
import com.eshop.order.domain.Order;
import com.eshop.order.domain.OrderRepository;
import com.eshop.support.error.BizException;
import com.eshop.support.error.Checks;
import com.eshop.support.lock.RedisLock;
import com.eshop.support.metrics.EshopMetrics;
import com.eshop.support.metrics.EshopMetrics.CancelOutcome;
import com.eshop.support.mq.MqProducer;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.Optional;

/**
 * Cancelling an order (sections 7, 8, 12-14, 17): under the cancel lock, the committed order decides
 * ({@link CancelDecision}); a cancel sends RELEASE_ASSETS whose local transaction is the cancel global transaction.
 * Every cancel request is counted by type and outcome ({@link EshopMetrics#ORDER_CANCELS}); {@code failed} is anything thrown
 * but a refusal: lock busy, an unknown order, a participant failing, the outcome not confirmed yet.
 */
@Slf4j
@Service
@RequiredArgsConstructor
public class CancelOrderService {
    private final OrderRepository orderRepository;
    private final CancelOrderAssembler cancelOrderAssembler;
    private final CancelOrderGlobalTransaction cancelOrderGlobalTransaction;
    private final RedisLock redisLock;
    private final MqProducer mqProducer;
    private final EshopMetrics metrics;

    /** Manual cancel (AfterSaleApi): the order's own user, before OUT_STOCK; a cancelled order is an idempotent success. */
    public void cancelOrder(CancelOrderRequest request) {
        Checks.notNull(request, "request");
        String orderId = Checks.id(request.getOrderId(), "orderId");
        String userId = Checks.id(request.getUserId(), "userId");
        OrderCancelTypeEnum cancelType = request.getCancelType() == null ? OrderCancelTypeEnum.USER_CANCELED
                : OrderCancelTypeEnum.find(request.getCancelType())
                .orElseThrow(() -> BizException.invalid("cancelType must be 0 (user) or 1 (timeout)"));
        CancelOutcome outcome = CancelOutcome.FAILED;
        try (RedisLock.LockHandle ignored = redisLock.lock(OrderLocks.cancel(orderId))) {
            Order order = committedOrder(orderId);
            if (!order.isOwnedBy(userId)) {
                outcome = CancelOutcome.REFUSED;
                throw new BizException(ErrorCode.ORDER_NOT_OWNED);
            }
            switch (CancelDecision.decide(order, cancelType, Instant.now())) {
                case ALREADY_CANCELLED -> {
                    outcome = CancelOutcome.ALREADY_CANCELLED;
                    log.info("order {} already cancelled: nothing to do", orderId);
                }
                // a caller may ask for a timeout cancel only once the timeout is due; answering success would be false
                case NOT_DUE -> {
                    outcome = CancelOutcome.NOT_DUE;
                    throw new BizException(ErrorCode.ORDER_NOT_EXPIRED, "order " + orderId + " is " + order.status()
                            + " and expires " + order.expireTime());
                }
                case REFUSED -> {
                    outcome = CancelOutcome.REFUSED;
                    throw refused(order);
                }
                case CANCEL -> {
                    executeCancelOrder(order, cancelType);
                    outcome = CancelOutcome.CANCELLED;
                }
            }
        } finally {
            metrics.cancel(cancelType, outcome);
        }
    }

    /**
     * Timeout cancel (pay-timeout message and expired-order scan): the same path under the same lock, for an order
     * that is still CREATED and past its expire time; anything else is left alone. Returns whether this call cancelled it.
     */
    public boolean cancelExpiredOrder(String orderId) {
        CancelOutcome outcome = CancelOutcome.FAILED;
        try (RedisLock.LockHandle ignored = redisLock.lock(OrderLocks.cancel(orderId))) {
            Order order = committedOrder(orderId);
            switch (CancelDecision.decide(order, OrderCancelTypeEnum.TIMEOUT_CANCELED, Instant.now())) {
                case ALREADY_CANCELLED, NOT_DUE -> {
                    outcome = order.status() == OrderStatusEnum.CANCELED ? CancelOutcome.ALREADY_CANCELLED : CancelOutcome.NOT_DUE;
                    log.info("order {} is {} and expires {}: no timeout cancel", orderId, order.status(), order.expireTime());
                    return false;
                }
                case REFUSED -> {
                    outcome = CancelOutcome.REFUSED;
                    throw refused(order);
                }
                default -> {
                    executeCancelOrder(order, OrderCancelTypeEnum.TIMEOUT_CANCELED);
                    outcome = CancelOutcome.CANCELLED;
                    return true;
                }
            }
        } finally {
            metrics.cancel(OrderCancelTypeEnum.TIMEOUT_CANCELED, outcome);
        }
    }

    /** Check-back of RELEASE_ASSETS: did this cancel attempt commit globally? */
    public boolean isCancelCommitted(String orderId, String cancelAttemptId) {
        return orderRepository.isCancelCommitted(orderId, cancelAttemptId);
    }

    /** Runs under the cancel lock: RELEASE_ASSETS is committed only once the cancel global transaction has committed. */
    private void executeCancelOrder(Order order, OrderCancelTypeEnum cancelType) {
        CancelOrderAssembleRequest request = cancelOrderAssembler.assemble(order, cancelType);
        LocalTransactionState state = mqProducer.sendInTransaction(RocketMqConstant.RELEASE_ASSETS_TOPIC, order.orderId(), request,
                attemptId -> cancelOrderGlobalTransaction.cancelOrderFulfillmentAndUpdateOrderStatus(request, attemptId));
        if (state != LocalTransactionState.COMMIT_MESSAGE) {
            throw new BizException(ErrorCode.CANCEL_ORDER_PROCESS_FAILED,
                    "cancel of " + order.orderId() + " not confirmed yet; retry to see its outcome");
        }
        log.info("order {} cancelled ({}) from {}", order.orderId(), cancelType, order.status());
    }

    /** Committed state only: a CANCELED of a cancel still to be rolled back must not be confirmed as done. */
    private Order committedOrder(String orderId) {
        Optional<Order> order = orderRepository.findCommittedOrder(orderId);
        return order.orElseThrow(() -> OrderQueryService.notFound(orderId));
    }

    private static BizException refused(Order order) {
        return new BizException(ErrorCode.CURRENT_ORDER_STATUS_CANNOT_CANCEL, "order " + order.orderId() + " is " + order.status());
    }
}
