package com.eshop.wms.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.wms.DeliveryOrderDTO;
import com.eshop.common.api.wms.PickGoodsRequest;
import com.eshop.common.api.wms.PickItemRequest;
import com.eshop.support.error.BizException;
import com.eshop.support.error.Checks;
import com.eshop.wms.domain.DeliveryOrder;
import com.eshop.wms.domain.DeliveryOrderItem;
import com.eshop.wms.domain.DeliveryOrderRepository;
import com.eshop.wms.domain.DeliveryOrderStatus;
import org.apache.seata.spring.annotation.GlobalTransactional;
import lombok.extern.slf4j.Slf4j;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;

import java.util.List;

/** Warehouse use cases. */
@Slf4j
@Service
public class WmsService {
    private final DeliveryOrderRepository repository;
    private final OrderGateway orderGateway;
    private final InventoryGateway inventoryGateway;
    private final TransactionOperations transactionOperations;

    public WmsService(DeliveryOrderRepository repository, OrderGateway orderGateway, InventoryGateway inventoryGateway,
                      TransactionOperations transactionOperations) {
        this.repository = repository;
        this.orderGateway = orderGateway;
        this.inventoryGateway = inventoryGateway;
        this.transactionOperations = transactionOperations;
    }

    /**
     * Creates the delivery order and its items; idempotent per order. A Seata AT branch of fulfillment. An existing
     * delivery order is returned as it is, also a CANCELLED one: intercepted picking is never created again.
     */
    @Transactional(rollbackFor = Exception.class)
    public DeliveryOrderDTO pickGoods(PickGoodsRequest request) {
        Checks.notNull(request, "request");
        String orderId = Checks.id(request.getOrderId(), "orderId");
        String fulfillId = Checks.id(request.getFulfillId(), "fulfillId");
        List<DeliveryOrderItem> items = toItems(request.getPickItems());

        // insert first: a locking read of an absent row would take a gap lock, and two such transactions inserting
        // into the same gap deadlock
        DeliveryOrder created = DeliveryOrder.picking(orderId, fulfillId);
        if (repository.insert(created, items)) {
            return toDto(created);
        }
        // FOR UPDATE: under Seata AT a plain read also sees the rows of a global transaction that is still to be
        // rolled back; the locking read waits for it (or fails and is retried) instead of taking them as done
        DeliveryOrder existing = repository.lockByOrderId(orderId).orElseThrow(() ->
                new BizException(ErrorCode.SYSTEM_ERROR, "delivery order of " + orderId + " neither inserted nor found"));
        if (existing.status().isCancelled()) {
            log.warn("order {}: delivery order {} was cancelled (intercepted); not picked again", orderId,
                    existing.deliveryOrderId());
        }
        return toDto(existing);
    }

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

    /** The order's delivery order (its status tells a CANCELLED one from a live one), or null when it has none. */
    public DeliveryOrderDTO getDeliveryOrder(String orderId) {
        Checks.id(orderId, "orderId");
        return repository.findByOrderId(orderId).map(WmsService::toDto).orElse(null);
    }

    private static List<DeliveryOrderItem> toItems(List<PickItemRequest> items) {
        Checks.notEmpty(items, "pickItems");
        return items.stream().map(item -> new DeliveryOrderItem(Checks.id(item.getSkuCode(), "skuCode"),
                Checks.positiveQuantity(item.getPickQuantity(), "pickQuantity"))).toList();
    }

    private static DeliveryOrderDTO toDto(DeliveryOrder deliveryOrder) {
        DeliveryOrderDTO dto = new DeliveryOrderDTO();
        dto.setDeliveryOrderId(deliveryOrder.deliveryOrderId());
        dto.setOrderId(deliveryOrder.orderId());
        dto.setFulfillId(deliveryOrder.fulfillId());
        dto.setStatus(deliveryOrder.status().code());
        return dto;
    }
}
