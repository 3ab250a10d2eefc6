package com.eshop.order.infrastructure.persistence;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.eshop.order.domain.AfterSaleStatusChange;
import com.eshop.order.domain.OrderHistoryRepository;
import com.eshop.order.domain.OrderStatusChange;
import org.springframework.stereotype.Repository;

import java.util.List;

@Repository
public class MybatisOrderHistoryRepository implements OrderHistoryRepository {
    private final OrderOperateLogMapper operateLogMapper;
    private final AfterSaleInfoMapper afterSaleInfoMapper;
    private final AfterSaleLogMapper afterSaleLogMapper;

    public MybatisOrderHistoryRepository(OrderOperateLogMapper operateLogMapper, AfterSaleInfoMapper afterSaleInfoMapper,
                                         AfterSaleLogMapper afterSaleLogMapper) {
        this.operateLogMapper = operateLogMapper;
        this.afterSaleInfoMapper = afterSaleInfoMapper;
        this.afterSaleLogMapper = afterSaleLogMapper;
    }

    @Override
    public List<OrderStatusChange> findStatusChanges(String orderId) {
        return operateLogMapper.selectList(new LambdaQueryWrapper<OrderOperateLogDO>()
                        .eq(OrderOperateLogDO::getOrderId, orderId).orderByAsc(OrderOperateLogDO::getId)).stream()
                .map(row -> new OrderStatusChange(row.getOperateType(), row.getPreStatus(), row.getCurrentStatus(), row.getRemark(),
                        row.getGmtCreate().toInstant()))
                .toList();
    }

    @Override
    public List<AfterSaleStatusChange> findAfterSaleChanges(String orderId) {
        List<String> afterSaleIds = afterSaleInfoMapper.selectList(new LambdaQueryWrapper<AfterSaleInfoDO>()
                        .select(AfterSaleInfoDO::getAfterSaleId).eq(AfterSaleInfoDO::getOrderId, orderId)).stream()
                .map(AfterSaleInfoDO::getAfterSaleId)
                .toList();
        if (afterSaleIds.isEmpty()) {
            return List.of();
        }
        return afterSaleLogMapper.selectList(new LambdaQueryWrapper<AfterSaleLogDO>()
                        .in(AfterSaleLogDO::getAfterSaleId, afterSaleIds).orderByAsc(AfterSaleLogDO::getId)).stream()
                .map(row -> new AfterSaleStatusChange(row.getAfterSaleId(), row.getPreStatus(), row.getCurrentStatus(),
                        row.getRemark(), row.getGmtCreate().toInstant()))
                .toList();
    }
}
