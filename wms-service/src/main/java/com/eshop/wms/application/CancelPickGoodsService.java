package com.eshop.wms.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.support.error.BizException;
import com.eshop.support.error.Checks;
import com.eshop.wms.domain.DeliveryOrder;
import com.eshop.wms.domain.DeliveryOrderRepository;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Fulfillment interception in the warehouse: picking is cancelled unless the goods left. */
@Slf4j
@Service
@RequiredArgsConstructor
public class CancelPickGoodsService {
    private final DeliveryOrderRepository repository;

    /**
     * Fulfillment interception, a Seata AT branch of order-service's cancel global transaction: moves the delivery
     * order PICKING -> CANCELLED unless the goods left the warehouse; the row and its items stay. The row is read
     * FOR UPDATE, so a concurrent out-stock either finishes first (and this refuses) or waits for this global
     * transaction; kept (not deleted), the row also keeps its global lock until this global transaction has ended.
     * No delivery order, or one already CANCELLED, is a success.
     */
    @Transactional(rollbackFor = Exception.class)
    public Boolean cancelPickGoods(String orderId) {
        Checks.id(orderId, "orderId");
        DeliveryOrder deliveryOrder = repository.lockByOrderId(orderId).orElse(null);
        if (deliveryOrder == null) {
            return true;
        }
        if (deliveryOrder.status().isCancelled()) {
            log.info("order {}: delivery order {} already cancelled", orderId, deliveryOrder.deliveryOrderId());
            return true;
        }
        if (!deliveryOrder.status().canCancel()) {
            throw new BizException(ErrorCode.DELIVERY_ORDER_ALREADY_OUT_STOCK,
                    "order " + orderId + " has left the warehouse; picking cannot be cancelled");
        }
        if (!repository.markCancelled(deliveryOrder.deliveryOrderId())) {
            throw new BizException(ErrorCode.SYSTEM_ERROR, "delivery order " + deliveryOrder.deliveryOrderId()
                    + " changed while locked");
        }
        log.info("order {}: delivery order {} cancelled", orderId, deliveryOrder.deliveryOrderId());
        return true;
    }
}
