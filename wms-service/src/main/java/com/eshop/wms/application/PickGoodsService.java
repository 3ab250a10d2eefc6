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
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** Picking: the delivery order of a fulfillment. */
@Slf4j
@Service
@RequiredArgsConstructor
public class PickGoodsService {
    private final DeliveryOrderRepository repository;

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
            return DeliveryOrderDtoAssembler.toDto(created);
        }
        // FOR UPDATE: under Seata AT a plain read also sees the rows of a global transaction that is still to be
        // rolled back; the locking read waits for it (or fails and is retried) instead of taking them as done
        DeliveryOrder existing = repository.lockByOrderId(orderId).orElseThrow(() ->
                new BizException(ErrorCode.SYSTEM_ERROR, "delivery order of " + orderId + " neither inserted nor found"));
        if (existing.status().isCancelled()) {
            log.warn("order {}: delivery order {} was cancelled (intercepted); not picked again", orderId,
                    existing.deliveryOrderId());
        }
        return DeliveryOrderDtoAssembler.toDto(existing);
    }

    private static List<DeliveryOrderItem> toItems(List<PickItemRequest> items) {
        Checks.notEmpty(items, "pickItems");
        return items.stream().map(item -> new DeliveryOrderItem(Checks.id(item.getSkuCode(), "skuCode"),
                Checks.positiveQuantity(item.getPickQuantity(), "pickQuantity"))).toList();
    }
}
