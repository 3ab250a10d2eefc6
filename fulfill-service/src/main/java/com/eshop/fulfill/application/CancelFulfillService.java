package com.eshop.fulfill.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.fulfill.CancelFulfillRequest;
import com.eshop.fulfill.domain.FulfillOrder;
import com.eshop.fulfill.domain.FulfillOrderRepository;
import com.eshop.fulfill.domain.FulfillOrderStatus;
import com.eshop.support.error.BizException;
import com.eshop.support.error.Checks;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fulfillment interception, a Seata AT branch of order-service's cancel global transaction; the WMS and TMS calls
 * join the same global transaction (the XID travels with the Dubbo call): a refusal anywhere is re-thrown with its
 * error code, so the caller's global transaction rolls everything back.
 */
@Slf4j
@Service
@RequiredArgsConstructor
public class CancelFulfillService {
    private final FulfillOrderRepository repository;
    private final WmsGateway wmsGateway;
    private final TmsGateway tmsGateway;
    private final InterceptionFaults faults;

    /**
     * Fulfillment interception (the article's cancelFulfill): moves the fulfill order, if present, to CANCELLED,
     * then cancels picking (WMS) and shipping (TMS). WMS refuses once the goods left the warehouse, TMS once the
     * parcel is in transit; either refusal surfaces as its error code. Nothing to cancel anywhere, or everything
     * already cancelled, is a success.
     * <p>
     * Rows are cancelled by a status change, never deleted: a deleted row protects nothing, while a kept row keeps
     * the Seata global lock of the cancelling global transaction until it has ended. A retried cancel that runs
     * while a dead attempt's global transaction still waits for its rollback then fails on that lock (and is
     * retried later) instead of finding no rows, committing, and seeing the rollback bring them back live.
     */
    @Transactional(rollbackFor = Exception.class)
    public Boolean cancelFulfill(CancelFulfillRequest request) {
        Checks.notNull(request, "request");
        String orderId = Checks.id(request.getOrderId(), "orderId");

        // FOR UPDATE: also the Seata global lock, so an unfinished global transaction on this row is waited for
        repository.lockByOrderId(orderId).ifPresent(fulfillOrder -> cancel(orderId, fulfillOrder));
        wmsGateway.cancelPickGoods(orderId);
        faults.afterPickingCancelled(orderId);
        tmsGateway.cancelSendOut(orderId);
        return true;
    }

    private void cancel(String orderId, FulfillOrder fulfillOrder) {
        FulfillOrderStatus status = fulfillOrder.status();
        if (status.isCancelled()) {
            log.info("order {}: fulfill order {} already cancelled", orderId, fulfillOrder.fulfillId());
            return;
        }
        if (!status.canCancel()) {
            throw new BizException(ErrorCode.SYSTEM_ERROR, "fulfill order " + fulfillOrder.fulfillId() + " of order "
                    + orderId + " cannot be cancelled from " + status);
        }
        if (!repository.markCancelled(fulfillOrder.fulfillId(), status)) {
            throw new BizException(ErrorCode.SYSTEM_ERROR, "fulfill order " + fulfillOrder.fulfillId() + " changed while locked");
        }
        log.info("order {}: fulfill order {} cancelled", orderId, fulfillOrder.fulfillId());
    }
}
