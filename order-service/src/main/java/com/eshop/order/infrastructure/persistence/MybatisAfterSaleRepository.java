package com.eshop.order.infrastructure.persistence;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.eshop.common.api.enums.AfterSaleStatusEnum;
import com.eshop.common.api.enums.RefundStatusEnum;
import com.eshop.order.domain.AfterSale;
import com.eshop.order.domain.AfterSaleItem;
import com.eshop.order.domain.AfterSaleLifecycle;
import com.eshop.order.domain.AfterSaleRefund;
import com.eshop.order.domain.AfterSaleRepository;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

/** after_sale_* through MyBatis-Plus: each multi-row write is one local transaction. */
@Repository
@RequiredArgsConstructor
public class MybatisAfterSaleRepository implements AfterSaleRepository {
    private final AfterSaleInfoMapper afterSaleInfoMapper;
    private final AfterSaleItemMapper afterSaleItemMapper;
    private final AfterSaleLogMapper afterSaleLogMapper;
    private final AfterSaleRefundMapper afterSaleRefundMapper;

    @Override
    public Optional<AfterSale> findAfterSale(String afterSaleId) {
        return Optional.ofNullable(afterSaleInfoMapper.selectOne(new LambdaQueryWrapper<AfterSaleInfoDO>()
                .eq(AfterSaleInfoDO::getAfterSaleId, afterSaleId))).map(OrderRows::toAfterSale);
    }

    @Override
    public List<AfterSale> listByOrder(String orderId) {
        return afterSaleInfoMapper.selectList(new LambdaQueryWrapper<AfterSaleInfoDO>().eq(AfterSaleInfoDO::getOrderId, orderId))
                .stream().map(OrderRows::toAfterSale).toList();
    }

    @Override
    public Optional<AfterSaleRefund> findRefund(String afterSaleId) {
        return Optional.ofNullable(afterSaleRefundMapper.selectOne(new LambdaQueryWrapper<AfterSaleRefundDO>()
                .eq(AfterSaleRefundDO::getAfterSaleId, afterSaleId))).map(OrderRows::toRefund);
    }

    @Override
    public Optional<AfterSaleRefund> findRefundByRequestId(String refundRequestId) {
        return Optional.ofNullable(afterSaleRefundMapper.selectOne(new LambdaQueryWrapper<AfterSaleRefundDO>()
                .eq(AfterSaleRefundDO::getRefundRequestId, refundRequestId))).map(OrderRows::toRefund);
    }

    @Override
    @Transactional(rollbackFor = Exception.class)
    public void insertAfterSale(AfterSale afterSale, List<AfterSaleItem> items, AfterSaleRefund refund, String attemptId) {
        afterSaleInfoMapper.insert(OrderRows.toRow(afterSale));
        items.forEach(item -> afterSaleItemMapper.insert(OrderRows.toRow(item)));
        insertLog(afterSale.afterSaleId(), AfterSaleStatusEnum.UN_CREATED, afterSale.status(), "order cancelled: refund approved", attemptId);
        afterSaleRefundMapper.insert(OrderRows.toRow(refund));
    }

    @Override
    @Transactional(rollbackFor = Exception.class)
    public boolean recordRefund(String afterSaleId, AfterSaleStatusEnum to, String attemptId) {
        if (!transit(afterSaleId, AfterSaleStatusEnum.REVIEW_PASS, to, "refund executed by the gateway", attemptId)) {
            return false;
        }
        afterSaleRefundMapper.transitRefundStatus(afterSaleId, RefundStatusEnum.UN_REFUND.getCode(), RefundStatusEnum.REFUND_SUCCESS.getCode());
        return true;
    }

    @Override
    @Transactional(rollbackFor = Exception.class)
    public boolean recordRefundNotified(String afterSaleId) {
        if (afterSaleRefundMapper.transitRefundStatus(afterSaleId, RefundStatusEnum.UN_REFUND.getCode(), RefundStatusEnum.REFUND_SUCCESS.getCode()) == 0) {
            return false;
        }
        insertLog(afterSaleId, AfterSaleStatusEnum.REVIEW_PASS, AfterSaleStatusEnum.REVIEW_PASS, "refund notified before it was recorded", null);
        return true;
    }

    @Override
    public boolean isChangedBy(String afterSaleId, String attemptId) {
        return afterSaleLogMapper.selectCount(new LambdaQueryWrapper<AfterSaleLogDO>()
                .eq(AfterSaleLogDO::getAfterSaleId, afterSaleId)
                .eq(AfterSaleLogDO::getRequestId, attemptId)) > 0;
    }

    @Override
    @Transactional(rollbackFor = Exception.class)
    public boolean markRefunded(String afterSaleId) {
        return transit(afterSaleId, AfterSaleStatusEnum.REFUNDING, AfterSaleStatusEnum.REFUNDED, "refund notified by the gateway", null);
    }

    /** A move {@link AfterSaleLifecycle} allows, conditional on {@code from}, and its log row; false when it was not {@code from}. */
    private boolean transit(String afterSaleId, AfterSaleStatusEnum from, AfterSaleStatusEnum to, String remark, String attemptId) {
        if (!AfterSaleLifecycle.canTransit(from, to)) {
            throw new IllegalArgumentException("after-sale " + from + " -> " + to + " is not a transition of its lifecycle");
        }
        if (afterSaleInfoMapper.transitStatus(afterSaleId, from.getCode(), to.getCode()) == 0) {
            return false;
        }
        insertLog(afterSaleId, from, to, remark, attemptId);
        return true;
    }

    private void insertLog(String afterSaleId, AfterSaleStatusEnum from, AfterSaleStatusEnum to, String remark, String requestId) {
        AfterSaleLogDO log = new AfterSaleLogDO();
        log.setAfterSaleId(afterSaleId);
        log.setPreStatus(from.getCode());
        log.setCurrentStatus(to.getCode());
        log.setRemark(remark);
        log.setRequestId(requestId);
        afterSaleLogMapper.insert(log);
    }
}
