package com.eshop.order.infrastructure.persistence;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.enums.OrderStatusEnum;
import com.eshop.common.api.enums.PayStatusEnum;
import com.eshop.order.domain.Order;
import com.eshop.order.domain.OrderCursor;
import com.eshop.order.domain.OrderItem;
import com.eshop.order.domain.OrderOperateTypeEnum;
import com.eshop.order.domain.OrderPayment;
import com.eshop.order.domain.OrderRepository;
import com.eshop.order.domain.PaymentRecord;
import com.eshop.order.domain.PaymentRecordStatus;
import com.eshop.order.domain.ProductSku;
import com.eshop.support.error.BizException;
import org.apache.seata.spring.annotation.GlobalLock;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/** order_db through MyBatis-Plus: each multi-row write is one local transaction. */
@Repository
@RequiredArgsConstructor
public class MybatisOrderRepository implements OrderRepository {
    private final OrderInfoMapper orderInfoMapper;
    private final OrderItemMapper orderItemMapper;
    private final OrderPaymentDetailMapper paymentDetailMapper;
    private final OrderPaymentRecordMapper paymentRecordMapper;
    private final OrderOperateLogMapper operateLogMapper;
    private final ProductSkuMapper productSkuMapper;
    private final OrderCancelSettlementMapper settlementMapper;

    @Override
    public Optional<Order> findOrder(String orderId) {
        return Optional.ofNullable(orderInfoMapper.selectOne(new LambdaQueryWrapper<OrderInfoDO>().eq(OrderInfoDO::getOrderId, orderId)))
                .map(OrderRows::toOrder);
    }

    /** FOR UPDATE under Seata's global lock: see {@link OrderRepository#findCommittedOrder}. */
    @Override
    @GlobalLock
    @Transactional(rollbackFor = Exception.class)
    public Optional<Order> findCommittedOrder(String orderId) {
        return Optional.ofNullable(orderInfoMapper.selectForUpdate(orderId)).map(OrderRows::toOrder);
    }

    @Override
    public List<OrderItem> findItems(String orderId) {
        return orderItemMapper.selectList(new LambdaQueryWrapper<OrderItemDO>().eq(OrderItemDO::getOrderId, orderId)
                .orderByAsc(OrderItemDO::getId)).stream().map(OrderRows::toItem).toList();
    }

    @Override
    public Optional<OrderPayment> findPayment(String orderId) {
        return Optional.ofNullable(paymentDetailMapper.selectOne(new LambdaQueryWrapper<OrderPaymentDetailDO>()
                .eq(OrderPaymentDetailDO::getOrderId, orderId))).map(OrderRows::toPayment);
    }

    @Override
    public List<ProductSku> findSkus(Collection<String> skuCodes) {
        return productSkuMapper.selectList(new LambdaQueryWrapper<ProductSkuDO>().in(ProductSkuDO::getSkuCode, skuCodes)).stream()
                .map(sku -> new ProductSku(sku.getSkuCode(), sku.getProductName(), sku.getSalePrice())).toList();
    }

    @Override
    @Transactional(rollbackFor = Exception.class)
    public void insertNewOrder(Order order, List<OrderItem> items, OrderPayment payment) {
        orderInfoMapper.insert(OrderRows.toRow(order));
        items.forEach(item -> orderItemMapper.insert(OrderRows.toRow(item)));
        paymentDetailMapper.insert(OrderRows.toRow(payment));
        operateLogMapper.insert(operateLog(order.orderId(), OrderOperateTypeEnum.NEW_ORDER, OrderStatusEnum.CREATED,
                OrderStatusEnum.CREATED, null, null));
    }

    /** Outside any global transaction, see {@link #markPaid}. */
    @Override
    @GlobalLock
    public void choosePayType(String orderId, int payType) {
        paymentDetailMapper.choosePayType(orderId, payType, PayStatusEnum.UNPAID.getCode());
    }

    /**
     * Runs outside any global transaction: {@link GlobalLock} refuses to commit over a row that an unfinished global
     * transaction (e.g. a create-order still to be rolled back) holds, whose undo would otherwise find a dirty write
     * and never finish.
     */
    @Override
    @GlobalLock
    @Transactional(rollbackFor = Exception.class)
    public boolean markPaid(String orderId, int payType, String outTradeNo, int payAmount, String payRequestId) {
        if (orderInfoMapper.transitToPaid(orderId, OrderStatusEnum.CREATED.getCode(), OrderStatusEnum.PAID.getCode(), payType) == 0) {
            return false;
        }
        if (paymentDetailMapper.markPaid(orderId, payType, outTradeNo, PayStatusEnum.UNPAID.getCode(), PayStatusEnum.PAID.getCode()) == 0) {
            throw new BizException(ErrorCode.SYSTEM_ERROR, "payment detail of " + orderId + " is not unpaid");
        }
        paymentRecordMapper.insert(OrderRows.toRow(new PaymentRecord(orderId, payType, outTradeNo, payAmount, PaymentRecordStatus.ACCEPTED, null)));
        operateLogMapper.insert(operateLog(orderId, OrderOperateTypeEnum.PAID, OrderStatusEnum.CREATED, OrderStatusEnum.PAID, null, payRequestId));
        return true;
    }

    @Override
    public boolean isPaidBy(String orderId, String payRequestId) {
        return operateLogMapper.selectCount(new LambdaQueryWrapper<OrderOperateLogDO>()
                .eq(OrderOperateLogDO::getOrderId, orderId)
                .eq(OrderOperateLogDO::getRequestId, payRequestId)) > 0;
    }

    @Override
    @Transactional(rollbackFor = Exception.class)
    public boolean transit(String orderId, OrderStatusEnum from, OrderStatusEnum to, OrderOperateTypeEnum operateType) {
        if (orderInfoMapper.transitStatus(orderId, from.getCode(), to.getCode()) == 0) {
            return false;
        }
        operateLogMapper.insert(operateLog(orderId, operateType, from, to, operateType.getMsg(), null));
        return true;
    }

    @Override
    @Transactional(rollbackFor = Exception.class)
    public boolean cancel(String orderId, OrderStatusEnum from, int cancelType, OrderOperateTypeEnum operateType, String cancelRequestId) {
        if (orderInfoMapper.transitToCanceled(orderId, from.getCode(), OrderStatusEnum.CANCELED.getCode(), cancelType) == 0) {
            return false;
        }
        operateLogMapper.insert(operateLog(orderId, operateType, from, OrderStatusEnum.CANCELED,
                operateType.getMsg() + from.getCode() + "-" + OrderStatusEnum.CANCELED.getCode(), cancelRequestId));
        return true;
    }

    /** The order row FOR UPDATE under Seata's global lock: an unfinished cancel is waited for, not taken as committed. */
    @Override
    @GlobalLock(lockRetryInterval = 100, lockRetryTimes = 50)
    @Transactional(rollbackFor = Exception.class)
    public boolean isCancelCommitted(String orderId, String cancelRequestId) {
        orderInfoMapper.selectForUpdate(orderId);
        return operateLogMapper.selectCount(new LambdaQueryWrapper<OrderOperateLogDO>()
                .eq(OrderOperateLogDO::getRequestId, cancelRequestId)) > 0;
    }

    @Override
    public PaymentRecord recordUnacceptedPayment(PaymentRecord payment) {
        Optional<PaymentRecord> existing = findPaymentRecord(payment.orderId(), payment.payType());
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            paymentRecordMapper.insert(OrderRows.toRow(payment));
        } catch (DuplicateKeyException concurrentInsert) {
            // another callback for the same payment got there first: use its row
        }
        return findPaymentRecord(payment.orderId(), payment.payType()).orElseThrow();
    }

    private Optional<PaymentRecord> findPaymentRecord(String orderId, int payType) {
        return Optional.ofNullable(paymentRecordMapper.selectOne(new LambdaQueryWrapper<OrderPaymentRecordDO>()
                .eq(OrderPaymentRecordDO::getOrderId, orderId).eq(OrderPaymentRecordDO::getPayType, payType))).map(OrderRows::toPaymentRecord);
    }

    @Override
    public void markPaymentRefunded(String orderId, int payType) {
        paymentRecordMapper.transitStatus(orderId, payType, PaymentRecordStatus.REFUND_PENDING.getCode(), PaymentRecordStatus.REFUNDED.getCode());
    }

    @Override
    public List<OrderCursor> findExpiredUnpaidPage(Instant now, OrderCursor after, int shardIndex, int shardTotal, int pageSize) {
        return orderInfoMapper.selectExpiredUnpaidPage(OrderStatusEnum.CREATED.getCode(), Date.from(now), Date.from(after.time()),
                after.orderId(), shardIndex, shardTotal, pageSize).stream()
                .map(row -> new OrderCursor(row.getOrderId(), row.getExpireTime().toInstant())).toList();
    }

    @Override
    public List<OrderCursor> findUnsettledCancelledPage(Instant from, Instant until, OrderCursor after, int shardIndex, int shardTotal,
                                                        int pageSize) {
        return settlementMapper.selectUnsettledCancelledPage(OrderStatusEnum.CANCELED.getCode(), Date.from(from), Date.from(until),
                Date.from(after.time()), after.orderId(), shardIndex, shardTotal, pageSize).stream()
                .map(row -> new OrderCursor(row.getOrderId(), row.getCancelTime().toInstant())).toList();
    }

    @Override
    public void recordSettled(String orderId) {
        settlementMapper.insertIgnore(orderId);
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
