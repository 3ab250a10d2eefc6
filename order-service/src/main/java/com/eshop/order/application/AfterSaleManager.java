package com.eshop.order.application;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.enums.AfterSaleStatusEnum;
import com.eshop.common.api.enums.OrderCancelTypeEnum;
import com.eshop.common.api.enums.OrderStatusEnum;
import com.eshop.common.api.enums.RefundStatusEnum;
import com.eshop.common.api.order.OrderItemDTO;
import com.eshop.order.domain.AfterSaleTypeEnum;
import com.eshop.order.domain.OrderOperateTypeEnum;
import com.eshop.order.domain.RefundRequestIds;
import com.eshop.order.infrastructure.gateway.FulfillGateway;
import com.eshop.order.infrastructure.persistence.AfterSaleInfoDO;
import com.eshop.order.infrastructure.persistence.AfterSaleInfoMapper;
import com.eshop.order.infrastructure.persistence.AfterSaleItemDO;
import com.eshop.order.infrastructure.persistence.AfterSaleItemMapper;
import com.eshop.order.infrastructure.persistence.AfterSaleLogDO;
import com.eshop.order.infrastructure.persistence.AfterSaleLogMapper;
import com.eshop.order.infrastructure.persistence.AfterSaleRefundDO;
import com.eshop.order.infrastructure.persistence.AfterSaleRefundMapper;
import com.eshop.order.infrastructure.persistence.OrderInfoMapper;
import com.eshop.order.infrastructure.persistence.OrderRepository;
import com.eshop.support.error.BizException;
import io.seata.spring.annotation.GlobalLock;
import io.seata.spring.annotation.GlobalTransactional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** The cancel global transaction (sections 12-14) and the after-sale records (section 15). */
@Component
@RequiredArgsConstructor
public class AfterSaleManager {
    private final OrderRepository orderRepository;
    private final OrderInfoMapper orderInfoMapper;
    private final FulfillGateway fulfillGateway;
    private final AfterSaleInfoMapper afterSaleInfoMapper;
    private final AfterSaleItemMapper afterSaleItemMapper;
    private final AfterSaleLogMapper afterSaleLogMapper;
    private final AfterSaleRefundMapper afterSaleRefundMapper;
    private final OrderFaults orderFaults;

    /**
     * The local transaction of RELEASE_ASSETS: one Seata AT global transaction {order → CANCELED + operate log;
     * intercept fulfillment (fulfill → WMS → TMS)}. It returns only after the global commit, so the message is
     * committed only for a cancel that is globally committed (the article committed it before).
     * <p>
     * The order's own branch comes first: its global lock on the order row keeps every other cancel, pay or
     * out-stock of this order out until this global transaction has ended, also when a coordinator restart leaves
     * it to be rolled back later. Intercepting first would let a second cancel read this one's uncommitted deletes
     * as "nothing to intercept" and commit, before the rollback brought the fulfillment rows back.
     */
    @GlobalTransactional(name = "cancel-order", rollbackFor = Exception.class, timeoutMills = 30_000)
    public void cancelOrderFulfillmentAndUpdateOrderStatus(CancelOrderAssembleRequest request) {
        OrderStatusEnum from = OrderStatusEnum.of(request.getOrderInfoDTO().getOrderStatus());
        OrderOperateTypeEnum operateType = OrderCancelTypeEnum.TIMEOUT_CANCELED.getCode().equals(request.getCancelType())
                ? OrderOperateTypeEnum.AUTO_CANCEL_ORDER : OrderOperateTypeEnum.MANUAL_CANCEL_ORDER;
        if (!orderRepository.cancel(request.getOrderId(), from, request.getCancelType(), operateType, request.getCancelRequestId())) {
            throw new BizException(ErrorCode.CANCEL_ORDER_PROCESS_FAILED, "order " + request.getOrderId() + " left " + from + " meanwhile");
        }
        if (from != OrderStatusEnum.CREATED) {
            fulfillGateway.cancelFulfill(request.getOrderId());
        }
        orderFaults.maybeHaltInsideCancelTransaction(request.getOrderId());
    }

    /**
     * Check-back of RELEASE_ASSETS: did this cancel attempt commit globally? The order row is read FOR UPDATE
     * under Seata's global lock, so an unfinished global transaction is waited for (or the check fails and is
     * asked again) instead of its uncommitted branch being taken for committed.
     */
    @GlobalLock(lockRetryInterval = 100, lockRetryTimes = 50)
    @Transactional(rollbackFor = Exception.class)
    public boolean isCancelCommitted(String orderId, String cancelRequestId) {
        orderInfoMapper.selectForUpdate(orderId);
        return orderRepository.countOperateLogs(cancelRequestId) > 0;
    }

    /** The local transaction of ACTUAL_REFUND: after-sale info, items, log and refund row, all or nothing. */
    @Transactional(rollbackFor = Exception.class)
    public void insertCancelOrderAfterSale(CancelOrderAssembleRequest request, String afterSaleId, int refundAmount) {
        AfterSaleInfoDO info = new AfterSaleInfoDO();
        info.setAfterSaleId(afterSaleId);
        info.setOrderId(request.getOrderId());
        info.setUserId(request.getUserId());
        info.setAfterSaleType(AfterSaleTypeEnum.CANCEL_ORDER_REFUND.getCode());
        info.setAfterSaleStatus(AfterSaleStatusEnum.REVIEW_PASS.getCode());
        info.setApplyRefundAmount(refundAmount);
        info.setRealRefundAmount(refundAmount);
        afterSaleInfoMapper.insert(info);

        List<OrderItemDTO> items = request.getOrderItemDTOList();
        int remaining = refundAmount;
        for (int i = 0; i < items.size(); i++) {
            OrderItemDTO orderItem = items.get(i);
            int itemRefund = i == items.size() - 1 ? remaining
                    : (int) ((long) refundAmount * orderItem.getOriginAmount() / request.getOrderInfoDTO().getTotalAmount());
            remaining -= itemRefund;
            AfterSaleItemDO item = new AfterSaleItemDO();
            item.setAfterSaleId(afterSaleId);
            item.setOrderId(request.getOrderId());
            item.setSkuCode(orderItem.getSkuCode());
            item.setProductName(orderItem.getProductName());
            item.setReturnQuantity(orderItem.getSaleQuantity());
            item.setApplyRefundAmount(itemRefund);
            item.setRealRefundAmount(itemRefund);
            afterSaleItemMapper.insert(item);
        }
        insertAfterSaleLog(afterSaleId, AfterSaleStatusEnum.UN_CREATED, AfterSaleStatusEnum.REVIEW_PASS, "order cancelled: refund approved");

        AfterSaleRefundDO refund = new AfterSaleRefundDO();
        refund.setAfterSaleId(afterSaleId);
        refund.setOrderId(request.getOrderId());
        refund.setRefundRequestId(RefundRequestIds.forAfterSale(afterSaleId));
        refund.setPayType(request.getOrderInfoDTO().getPayType());
        refund.setOutTradeNo(request.getOrderInfoDTO().getOutTradeNo());
        refund.setRefundAmount(refundAmount);
        refund.setRefundStatus(RefundStatusEnum.UN_REFUND.getCode());
        afterSaleRefundMapper.insert(refund);
    }

    public AfterSaleInfoDO findAfterSale(String afterSaleId) {
        return afterSaleInfoMapper.selectOne(new LambdaQueryWrapper<AfterSaleInfoDO>().eq(AfterSaleInfoDO::getAfterSaleId, afterSaleId));
    }

    public List<AfterSaleInfoDO> listAfterSales(String orderId) {
        return afterSaleInfoMapper.selectList(new LambdaQueryWrapper<AfterSaleInfoDO>().eq(AfterSaleInfoDO::getOrderId, orderId));
    }

    public AfterSaleRefundDO findRefund(String afterSaleId) {
        return afterSaleRefundMapper.selectOne(new LambdaQueryWrapper<AfterSaleRefundDO>().eq(AfterSaleRefundDO::getAfterSaleId, afterSaleId));
    }

    /** Check-back of ACTUAL_REFUND: the after-sale was written with its refund row (the article had this inverted). */
    public boolean afterSaleRecordsExist(String afterSaleId) {
        return findAfterSale(afterSaleId) != null && findRefund(afterSaleId) != null;
    }

    /** After the gateway refunded: REVIEW_PASS -> REFUNDING with the refund recorded as done. */
    @Transactional(rollbackFor = Exception.class)
    public void markRefunding(String afterSaleId) {
        if (afterSaleInfoMapper.transitStatus(afterSaleId, AfterSaleStatusEnum.REVIEW_PASS.getCode(), AfterSaleStatusEnum.REFUNDING.getCode()) == 0) {
            return;
        }
        afterSaleRefundMapper.transitRefundStatus(afterSaleId, RefundStatusEnum.UN_REFUND.getCode(), RefundStatusEnum.REFUND_SUCCESS.getCode());
        insertAfterSaleLog(afterSaleId, AfterSaleStatusEnum.REVIEW_PASS, AfterSaleStatusEnum.REFUNDING, "refund executed by the gateway");
    }

    /** The gateway's refund notification arrived: REFUNDING -> REFUNDED. false when the after-sale was not REFUNDING. */
    @Transactional(rollbackFor = Exception.class)
    public boolean markRefunded(String afterSaleId) {
        if (afterSaleInfoMapper.transitStatus(afterSaleId, AfterSaleStatusEnum.REFUNDING.getCode(), AfterSaleStatusEnum.REFUNDED.getCode()) == 0) {
            return false;
        }
        insertAfterSaleLog(afterSaleId, AfterSaleStatusEnum.REFUNDING, AfterSaleStatusEnum.REFUNDED, "refund notified by the gateway");
        return true;
    }

    /** The gateway refunded: REFUNDING, or REFUNDED once its notification arrived. */
    public boolean isRefundExecuted(String afterSaleId) {
        AfterSaleInfoDO info = findAfterSale(afterSaleId);
        return info != null && (AfterSaleStatusEnum.REFUNDING.getCode().equals(info.getAfterSaleStatus())
                || AfterSaleStatusEnum.REFUNDED.getCode().equals(info.getAfterSaleStatus()));
    }

    public AfterSaleRefundDO findRefundByRequestId(String refundRequestId) {
        return afterSaleRefundMapper.selectOne(new LambdaQueryWrapper<AfterSaleRefundDO>().eq(AfterSaleRefundDO::getRefundRequestId, refundRequestId));
    }

    private void insertAfterSaleLog(String afterSaleId, AfterSaleStatusEnum from, AfterSaleStatusEnum to, String remark) {
        AfterSaleLogDO log = new AfterSaleLogDO();
        log.setAfterSaleId(afterSaleId);
        log.setPreStatus(from.getCode());
        log.setCurrentStatus(to.getCode());
        log.setRemark(remark);
        afterSaleLogMapper.insert(log);
    }
}
