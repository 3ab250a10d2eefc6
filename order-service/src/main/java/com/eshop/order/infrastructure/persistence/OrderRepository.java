package com.eshop.order.infrastructure.persistence;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.enums.OrderStatusEnum;
import com.eshop.common.api.enums.PayStatusEnum;
import com.eshop.order.domain.OrderOperateTypeEnum;
import com.eshop.order.domain.PaymentRecordStatus;
import com.eshop.support.error.BizException;
import io.seata.spring.annotation.GlobalLock;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.List;

/** order_db access: reads, and the multi-row writes that must commit together (one local transaction each). */
@Repository
@RequiredArgsConstructor
public class OrderRepository {
    private final OrderInfoMapper orderInfoMapper;
    private final OrderItemMapper orderItemMapper;
    private final OrderPaymentDetailMapper paymentDetailMapper;
    private final OrderPaymentRecordMapper paymentRecordMapper;
    private final OrderOperateLogMapper operateLogMapper;
    private final ProductSkuMapper productSkuMapper;

    public OrderInfoDO findOrder(String orderId) {
        return orderInfoMapper.selectOne(new LambdaQueryWrapper<OrderInfoDO>().eq(OrderInfoDO::getOrderId, orderId));
    }

    /**
     * The order as globally committed: read FOR UPDATE under Seata's global lock, so the uncommitted state of an
     * unfinished global transaction (one a coordinator restart left to be rolled back, say) is waited for, or the
     * read fails and is retried, instead of being taken for the truth. Under AT a plain read sees that state.
     */
    @GlobalLock
    @Transactional(rollbackFor = Exception.class)
    public OrderInfoDO findCommittedOrder(String orderId) {
        return orderInfoMapper.selectForUpdate(orderId);
    }

    public List<OrderItemDO> findItems(String orderId) {
        return orderItemMapper.selectList(new LambdaQueryWrapper<OrderItemDO>().eq(OrderItemDO::getOrderId, orderId)
                .orderByAsc(OrderItemDO::getId));
    }

    public OrderPaymentDetailDO findPaymentDetail(String orderId) {
        return paymentDetailMapper.selectOne(new LambdaQueryWrapper<OrderPaymentDetailDO>().eq(OrderPaymentDetailDO::getOrderId, orderId));
    }

    public List<ProductSkuDO> findSkus(Collection<String> skuCodes) {
        return productSkuMapper.selectList(new LambdaQueryWrapper<ProductSkuDO>().in(ProductSkuDO::getSkuCode, skuCodes));
    }

    public long countOperateLogs(String requestId) {
        return operateLogMapper.selectCount(new LambdaQueryWrapper<OrderOperateLogDO>().eq(OrderOperateLogDO::getRequestId, requestId));
    }

    @Transactional(rollbackFor = Exception.class)
    public void insertNewOrder(OrderInfoDO order, List<OrderItemDO> items, OrderPaymentDetailDO paymentDetail) {
        orderInfoMapper.insert(order);
        items.forEach(orderItemMapper::insert);
        paymentDetailMapper.insert(paymentDetail);
        operateLogMapper.insert(operateLog(order.getOrderId(), OrderOperateTypeEnum.NEW_ORDER, OrderStatusEnum.CREATED,
                OrderStatusEnum.CREATED, null, null));
    }

    /**
     * CREATED -> PAID with the accepted payment; false when the order was no longer CREATED. Runs outside any global
     * transaction: {@link GlobalLock} refuses to commit over a row that an unfinished global transaction (e.g. a
     * create-order still to be rolled back) holds, whose undo would otherwise find a dirty write and never finish.
     */
    @GlobalLock
    @Transactional(rollbackFor = Exception.class)
    public boolean markPaid(String orderId, int payType, String outTradeNo, int payAmount) {
        if (orderInfoMapper.transitToPaid(orderId, payType) == 0) {
            return false;
        }
        if (paymentDetailMapper.markPaid(orderId, payType, outTradeNo) == 0) {
            throw new BizException(ErrorCode.SYSTEM_ERROR, "payment detail of " + orderId + " is not unpaid");
        }
        OrderPaymentRecordDO record = paymentRecord(orderId, payType, outTradeNo, payAmount, PaymentRecordStatus.ACCEPTED, null);
        paymentRecordMapper.insert(record);
        operateLogMapper.insert(operateLog(orderId, OrderOperateTypeEnum.PAID, OrderStatusEnum.CREATED, OrderStatusEnum.PAID, null, null));
        return true;
    }

    /** Outside any global transaction, see {@link #markPaid}. */
    @GlobalLock
    public void choosePayType(String orderId, int payType) {
        paymentDetailMapper.choosePayType(orderId, payType);
    }

    /** A conditional transition with its operate log; false when the order was no longer in {@code from}. */
    @Transactional(rollbackFor = Exception.class)
    public boolean transit(String orderId, OrderStatusEnum from, OrderStatusEnum to, OrderOperateTypeEnum operateType) {
        if (orderInfoMapper.transitStatus(orderId, from.getCode(), to.getCode()) == 0) {
            return false;
        }
        operateLogMapper.insert(operateLog(orderId, operateType, from, to, operateType.getMsg(), null));
        return true;
    }

    /** from -> CANCELED with the operate log that carries the cancel attempt's request id. */
    @Transactional(rollbackFor = Exception.class)
    public boolean cancel(String orderId, OrderStatusEnum from, int cancelType, OrderOperateTypeEnum operateType, String requestId) {
        if (orderInfoMapper.transitToCanceled(orderId, from.getCode(), cancelType) == 0) {
            return false;
        }
        operateLogMapper.insert(operateLog(orderId, operateType, from, OrderStatusEnum.CANCELED,
                operateType.getMsg() + from.getCode() + "-" + OrderStatusEnum.CANCELED.getCode(), requestId));
        return true;
    }

    public OrderPaymentRecordDO findPaymentRecord(String orderId, int payType) {
        return paymentRecordMapper.selectOne(new LambdaQueryWrapper<OrderPaymentRecordDO>()
                .eq(OrderPaymentRecordDO::getOrderId, orderId).eq(OrderPaymentRecordDO::getPayType, payType));
    }

    /** Records a payment the order does not keep, once per (order, pay type); returns the stored record. */
    public OrderPaymentRecordDO recordUnacceptedPayment(String orderId, int payType, String outTradeNo, int payAmount, String refundRequestId) {
        OrderPaymentRecordDO existing = findPaymentRecord(orderId, payType);
        if (existing != null) {
            return existing;
        }
        try {
            paymentRecordMapper.insert(paymentRecord(orderId, payType, outTradeNo, payAmount, PaymentRecordStatus.REFUND_PENDING, refundRequestId));
        } catch (DuplicateKeyException concurrentInsert) {
            // another callback for the same payment got there first: use its row
        }
        return findPaymentRecord(orderId, payType);
    }

    public void markPaymentRefunded(String orderId, int payType) {
        paymentRecordMapper.transitStatus(orderId, payType, PaymentRecordStatus.REFUND_PENDING.getCode(), PaymentRecordStatus.REFUNDED.getCode());
    }

    public boolean isPaid(OrderPaymentDetailDO paymentDetail) {
        return paymentDetail != null && PayStatusEnum.PAID.getCode().equals(paymentDetail.getPayStatus());
    }

    private static OrderPaymentRecordDO paymentRecord(String orderId, int payType, String outTradeNo, int payAmount,
                                                      PaymentRecordStatus status, String refundRequestId) {
        OrderPaymentRecordDO record = new OrderPaymentRecordDO();
        record.setOrderId(orderId);
        record.setPayType(payType);
        record.setOutTradeNo(outTradeNo);
        record.setPayAmount(payAmount);
        record.setStatus(status.getCode());
        record.setRefundRequestId(refundRequestId);
        return record;
    }

    private static OrderOperateLogDO operateLog(String orderId, OrderOperateTypeEnum type, OrderStatusEnum from, OrderStatusEnum to,
                                                String remark, String requestId) {
        OrderOperateLogDO log = new OrderOperateLogDO();
        log.setOrderId(orderId);
        log.setOperateType(type.getCode());
        log.setPreStatus(from.getCode());
        log.setCurrentStatus(to.getCode());
        log.setRemark(remark);
        log.setRequestId(requestId);
        return log;
    }
}
