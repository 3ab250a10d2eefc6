package com.eshop.tms.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.support.error.BizException;
import com.eshop.support.error.Checks;
import com.eshop.tms.domain.LogisticOrder;
import com.eshop.tms.domain.LogisticOrderRepository;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Fulfillment interception in shipping: a Seata AT branch of order-service's cancel global transaction. */
@Slf4j
@Service
@RequiredArgsConstructor
public class CancelSendOutService {
    private final LogisticOrderRepository repository;

    /**
     * Moves the logistic order CREATED -> CANCELLED unless the parcel is in transit; the row stays, read FOR UPDATE
     * and so, under Seata AT, keeping its global lock until the cancelling global transaction has ended. No
     * logistic order, or one already CANCELLED, is a success.
     */
    @Transactional(rollbackFor = Exception.class)
    public Boolean cancelSendOut(String orderId) {
        Checks.id(orderId, "orderId");
        LogisticOrder logisticOrder = repository.lockByOrderId(orderId).orElse(null);
        if (logisticOrder == null) {
            return true;
        }
        if (logisticOrder.status().isCancelled()) {
            log.info("order {}: logistic order {} already cancelled", orderId, logisticOrder.logisticOrderId());
            return true;
        }
        if (!logisticOrder.status().canCancel()) {
            throw new BizException(ErrorCode.LOGISTIC_ORDER_ALREADY_SHIPPED,
                    "order " + orderId + " is in transit; shipping cannot be cancelled");
        }
        if (!repository.markCancelled(logisticOrder.logisticOrderId())) {
            throw new BizException(ErrorCode.SYSTEM_ERROR, "logistic order " + logisticOrder.logisticOrderId()
                    + " changed while locked");
        }
        log.info("order {}: logistic order {} cancelled", orderId, logisticOrder.logisticOrderId());
        return true;
    }
}
