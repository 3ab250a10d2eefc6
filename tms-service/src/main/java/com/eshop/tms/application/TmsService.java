package com.eshop.tms.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.tms.LogisticOrderDTO;
import com.eshop.common.api.tms.SendOutRequest;
import com.eshop.support.error.BizException;
import com.eshop.support.error.Checks;
import com.eshop.tms.domain.LogisticOrder;
import com.eshop.tms.domain.LogisticOrderRepository;
import lombok.extern.slf4j.Slf4j;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shipping use cases. Both writes run as Seata AT branches: sendOut inside fulfillment's global transaction,
 * cancelSendOut inside order-service's cancel global transaction (fulfillment interception).
 */
@Slf4j
@Service
public class TmsService {
    private final LogisticOrderRepository repository;

    public TmsService(LogisticOrderRepository repository) {
        this.repository = repository;
    }

    /**
     * Creates the logistic order; idempotent per order (the unique order_id decides between concurrent calls). An
     * existing logistic order is returned as it is, also a CANCELLED one: intercepted shipping is never created again.
     */
    @Transactional(rollbackFor = Exception.class)
    public LogisticOrderDTO sendOut(SendOutRequest request) {
        Checks.notNull(request, "request");
        String orderId = Checks.id(request.getOrderId(), "orderId");
        String fulfillId = Checks.id(request.getFulfillId(), "fulfillId");
        String userId = Checks.id(request.getUserId(), "userId");

        // insert first: a locking read of an absent row would take a gap lock, and two such transactions inserting
        // into the same gap deadlock
        LogisticOrder created = LogisticOrder.created(orderId, fulfillId, userId);
        if (repository.insert(created)) {
            return toDto(created);
        }
        // FOR UPDATE: under Seata AT a plain read also sees the rows of a global transaction that is still to be
        // rolled back; the locking read waits for it (or fails and is retried) instead of taking them as done
        LogisticOrder existing = repository.lockByOrderId(orderId).orElseThrow(() ->
                new BizException(ErrorCode.SYSTEM_ERROR, "logistic order of " + orderId + " neither inserted nor found"));
        if (existing.status().isCancelled()) {
            log.warn("order {}: logistic order {} was cancelled (intercepted); not sent out again", orderId,
                    existing.logisticOrderId());
        }
        return toDto(existing);
    }

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

    /** The order's logistic order (its status tells a CANCELLED one from a live one), or null when it has none. */
    public LogisticOrderDTO getLogisticOrder(String orderId) {
        Checks.id(orderId, "orderId");
        return repository.findByOrderId(orderId).map(TmsService::toDto).orElse(null);
    }

    private static LogisticOrderDTO toDto(LogisticOrder logisticOrder) {
        LogisticOrderDTO dto = new LogisticOrderDTO();
        dto.setLogisticOrderId(logisticOrder.logisticOrderId());
        dto.setOrderId(logisticOrder.orderId());
        dto.setStatus(logisticOrder.status().code());
        return dto;
    }
}
