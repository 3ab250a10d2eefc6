package com.eshop.fulfill.infrastructure;

import com.eshop.fulfill.domain.FulfillOrder;
import com.eshop.fulfill.domain.FulfillOrderItem;
import com.eshop.fulfill.domain.FulfillOrderRepository;
import com.eshop.fulfill.domain.FulfillOrderStatus;
import com.eshop.fulfill.infrastructure.dataobject.OrderFulfillDO;
import com.eshop.fulfill.infrastructure.dataobject.OrderFulfillItemDO;
import com.eshop.fulfill.infrastructure.mapper.OrderFulfillItemMapper;
import com.eshop.fulfill.infrastructure.mapper.OrderFulfillMapper;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

/** The callers run these in one local transaction (@Transactional in the application service). */
@Repository
public class MybatisFulfillOrderRepository implements FulfillOrderRepository {
    private final OrderFulfillMapper orderMapper;
    private final OrderFulfillItemMapper itemMapper;

    public MybatisFulfillOrderRepository(OrderFulfillMapper orderMapper, OrderFulfillItemMapper itemMapper) {
        this.orderMapper = orderMapper;
        this.itemMapper = itemMapper;
    }

    @Override
    public Optional<FulfillOrder> findByOrderId(String orderId) {
        return Optional.ofNullable(orderMapper.selectByOrderId(orderId)).map(MybatisFulfillOrderRepository::toDomain);
    }

    @Override
    public Optional<FulfillOrder> lockByOrderId(String orderId) {
        return Optional.ofNullable(orderMapper.selectByOrderIdForUpdate(orderId)).map(MybatisFulfillOrderRepository::toDomain);
    }

    @Override
    public boolean insert(FulfillOrder fulfillOrder, List<FulfillOrderItem> items) {
        OrderFulfillDO row = new OrderFulfillDO();
        row.setFulfillId(fulfillOrder.fulfillId());
        row.setOrderId(fulfillOrder.orderId());
        row.setUserId(fulfillOrder.userId());
        row.setPayAmount(fulfillOrder.payAmount());
        row.setStatus(fulfillOrder.status().code());
        try {
            orderMapper.insert(row);
        } catch (DuplicateKeyException e) {
            return false;
        }
        for (FulfillOrderItem item : items) {
            OrderFulfillItemDO itemRow = new OrderFulfillItemDO();
            itemRow.setFulfillId(fulfillOrder.fulfillId());
            itemRow.setSkuCode(item.skuCode());
            itemRow.setProductName(item.productName());
            itemRow.setSaleQuantity(item.saleQuantity());
            itemRow.setSalePrice(item.salePrice());
            itemMapper.insert(itemRow);
        }
        return true;
    }

    @Override
    public int countItems(String fulfillId) {
        return itemMapper.countByFulfillId(fulfillId);
    }

    @Override
    public boolean markCancelled(String fulfillId, FulfillOrderStatus from) {
        return orderMapper.updateStatus(fulfillId, from.code(), FulfillOrderStatus.CANCELLED.code()) == 1;
    }

    private static FulfillOrder toDomain(OrderFulfillDO row) {
        return new FulfillOrder(row.getFulfillId(), row.getOrderId(), row.getUserId(), row.getPayAmount(),
                FulfillOrderStatus.of(row.getStatus()));
    }
}
