package com.eshop.tms.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.tms.LogisticOrderDTO;
import com.eshop.common.api.tms.SendOutRequest;
import com.eshop.support.error.BizException;
import com.eshop.support.error.Checks;
import com.eshop.tms.domain.LogisticOrder;
import com.eshop.tms.domain.LogisticOrderRepository;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Shipping of a fulfillment: a Seata AT branch of fulfillment's global transaction. */
@Slf4j
@Service
@RequiredArgsConstructor
public class SendOutService {
    private final LogisticOrderRepository repository;

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
            return LogisticOrderDtoAssembler.toDto(created);
        }
        // FOR UPDATE: under Seata AT a plain read also sees the rows of a global transaction that is still to be
        // rolled back; the locking read waits for it (or fails and is retried) instead of taking them as done
        LogisticOrder existing = repository.lockByOrderId(orderId).orElseThrow(() ->
                new BizException(ErrorCode.SYSTEM_ERROR, "logistic order of " + orderId + " neither inserted nor found"));
        if (existing.status().isCancelled()) {
            log.warn("order {}: logistic order {} was cancelled (intercepted); not sent out again", orderId,
                    existing.logisticOrderId());
        }
        return LogisticOrderDtoAssembler.toDto(existing);
    }
}
