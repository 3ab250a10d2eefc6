package com.eshop.order.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.enums.OrderCancelTypeEnum;
import com.eshop.common.api.enums.OrderStatusEnum;
import com.eshop.common.api.mq.CancelOrderAssembleRequest;
import com.eshop.order.domain.OrderOperateTypeEnum;
import com.eshop.order.domain.OrderRepository;
import com.eshop.support.error.BizException;
import org.apache.seata.core.exception.TransactionException;
import org.apache.seata.spring.annotation.GlobalTransactional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** The cancel global transaction (sections 12-14), run as the local transaction of RELEASE_ASSETS. */
@Component
@RequiredArgsConstructor
public class CancelOrderGlobalTransaction {
    private final OrderRepository orderRepository;
    private final FulfillGateway fulfillGateway;
    private final OrderFaults orderFaults;

    /**
     * One Seata AT global transaction {order → CANCELED + operate log; intercept fulfillment (fulfill → WMS → TMS)}.
     * It returns only after the global commit, so the message is committed only for a cancel that is globally
     * committed (the article committed it before).
     * <p>
     * The order's own branch comes first: its global lock on the order row keeps every other cancel, pay or
     * out-stock of this order out until this global transaction has ended, also when a coordinator restart leaves
     * it to be rolled back later. Intercepting first would let a second cancel read this one's uncommitted deletes
     * as "nothing to intercept" and commit, before the rollback brought the fulfillment rows back.
     */
    @GlobalTransactional(name = "cancel-order", rollbackFor = Exception.class, timeoutMills = 30_000)
    public void cancelOrderFulfillmentAndUpdateOrderStatus(CancelOrderAssembleRequest request, String cancelAttemptId) {
        OrderStatusEnum from = OrderStatusEnum.of(request.getOrderInfoDTO().getOrderStatus());
        OrderOperateTypeEnum operateType = OrderCancelTypeEnum.TIMEOUT_CANCELED.getCode().equals(request.getCancelType())
                ? OrderOperateTypeEnum.AUTO_CANCEL_ORDER : OrderOperateTypeEnum.MANUAL_CANCEL_ORDER;
        if (!orderRepository.cancel(request.getOrderId(), from, request.getCancelType(), operateType, cancelAttemptId)) {
            throw new BizException(ErrorCode.CANCEL_ORDER_PROCESS_FAILED, "order " + request.getOrderId() + " left " + from + " meanwhile");
        }
        if (from != OrderStatusEnum.CREATED) {
            fulfillGateway.cancelFulfill(request.getOrderId());
        }
        orderFaults.maybeHaltInsideCancelTransaction(request.getOrderId());
    }

    /** A failed commit or rollback with the coordinator leaves the outcome open: the check-back reads it later. */
    public static boolean isOutcomeUnknown(RuntimeException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TransactionException) {
                return true;
            }
        }
        return false;
    }
}
