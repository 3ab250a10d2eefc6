package com.eshop.wms.infrastructure;

import com.eshop.wms.domain.DeliveryOrder;
import com.eshop.wms.domain.DeliveryOrderItem;
import com.eshop.wms.domain.DeliveryOrderRepository;
import com.eshop.wms.domain.DeliveryOrderStatus;
import com.eshop.wms.infrastructure.dataobject.DeliveryOrderDO;
import com.eshop.wms.infrastructure.dataobject.DeliveryOrderItemDO;
import com.eshop.wms.infrastructure.mapper.DeliveryOrderItemMapper;
import com.eshop.wms.infrastructure.mapper.DeliveryOrderMapper;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

/** The callers run these in one local transaction (@Transactional in the application service). */
@Repository
public class MybatisDeliveryOrderRepository implements DeliveryOrderRepository {
    private final DeliveryOrderMapper orderMapper;
    private final DeliveryOrderItemMapper itemMapper;

    public MybatisDeliveryOrderRepository(DeliveryOrderMapper orderMapper, DeliveryOrderItemMapper itemMapper) {
        this.orderMapper = orderMapper;
        this.itemMapper = itemMapper;
    }

    @Override
    public Optional<DeliveryOrder> findByOrderId(String orderId) {
        return Optional.ofNullable(orderMapper.selectByOrderId(orderId)).map(MybatisDeliveryOrderRepository::toDomain);
    }

    @Override
    public Optional<DeliveryOrder> lockByOrderId(String orderId) {
        return Optional.ofNullable(orderMapper.selectByOrderIdForUpdate(orderId)).map(MybatisDeliveryOrderRepository::toDomain);
    }

    @Override
    public boolean insert(DeliveryOrder deliveryOrder, List<DeliveryOrderItem> items) {
        DeliveryOrderDO row = new DeliveryOrderDO();
        row.setDeliveryOrderId(deliveryOrder.deliveryOrderId());
        row.setOrderId(deliveryOrder.orderId());
        row.setFulfillId(deliveryOrder.fulfillId());
        row.setStatus(deliveryOrder.status().code());
        try {
            orderMapper.insert(row);
        } catch (DuplicateKeyException e) {
            return false;
        }
        for (DeliveryOrderItem item : items) {
            DeliveryOrderItemDO itemRow = new DeliveryOrderItemDO();
            itemRow.setDeliveryOrderId(deliveryOrder.deliveryOrderId());
            itemRow.setSkuCode(item.skuCode());
            itemRow.setPickQuantity(item.pickQuantity());
            itemMapper.insert(itemRow);
        }
        return true;
    }

    @Override
    public boolean markOutStock(String deliveryOrderId) {
        return orderMapper.updateStatus(deliveryOrderId, DeliveryOrderStatus.PICKING.code(),
                DeliveryOrderStatus.OUT_STOCK.code()) == 1;
    }

    @Override
    public boolean markCancelled(String deliveryOrderId) {
        return orderMapper.updateStatus(deliveryOrderId, DeliveryOrderStatus.PICKING.code(),
                DeliveryOrderStatus.CANCELLED.code()) == 1;
    }

    private static DeliveryOrder toDomain(DeliveryOrderDO row) {
        return new DeliveryOrder(row.getDeliveryOrderId(), row.getOrderId(), row.getFulfillId(),
                DeliveryOrderStatus.of(row.getStatus()));
    }
}
