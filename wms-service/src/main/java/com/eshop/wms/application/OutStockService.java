package com.eshop.wms.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.support.error.BizException;
import com.eshop.support.error.Checks;
import com.eshop.wms.domain.DeliveryOrder;
import com.eshop.wms.domain.DeliveryOrderRepository;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.apache.seata.spring.annotation.GlobalTransactional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/** The goods leave the warehouse: delivery order, order and stock move together. */
@Slf4j
@Service
@RequiredArgsConstructor
public class OutStockService {
    private final DeliveryOrderRepository repository;
    private final OrderGateway orderGateway;
    private final InventoryGateway inventoryGateway;
    private final TransactionOperations transactionOperations;

    /**
     * Goods leave the warehouse, as ONE Seata global transaction: delivery order OUT_STOCK (local branch, row
     * locked), order OUT_STOCK (order-service), locked stock sold (inventory-service). A refusal of either callee
     * rolls all three back. Already OUT_STOCK: an idempotent success (it committed together with the other two).
     * CANCELLED (picking intercepted): refused with DELIVERY_ORDER_CANCELLED, nothing changes.
     */
    @GlobalTransactional(name = "wms-out-stock", rollbackFor = Exception.class)
    public Boolean outStock(String orderId) {
        Checks.id(orderId, "orderId");
        boolean moved = Boolean.TRUE.equals(transactionOperations.execute(status -> {
            DeliveryOrder deliveryOrder = repository.lockByOrderId(orderId).orElseThrow(() ->
                    new BizException(ErrorCode.DELIVERY_ORDER_NOT_FOUND, "order " + orderId + " has no delivery order"));
            if (deliveryOrder.status().isCancelled()) {
                throw new BizException(ErrorCode.DELIVERY_ORDER_CANCELLED, "order " + orderId
                        + ": picking was cancelled; the goods cannot leave the warehouse");
            }
            if (!deliveryOrder.status().canMoveToOutStock()) {
                return false;
            }
            if (!repository.markOutStock(deliveryOrder.deliveryOrderId())) {
                throw new BizException(ErrorCode.SYSTEM_ERROR, "delivery order " + deliveryOrder.deliveryOrderId()
                        + " changed while locked");
            }
            return true;
        }));
        if (!moved) {
            log.info("order {}: already out of stock, nothing to do", orderId);
            return true;
        }
        orderGateway.confirmOutStock(orderId);
        inventoryGateway.deductProductStock(orderId);
        log.info("order {}: out of stock", orderId);
        return true;
    }
}
