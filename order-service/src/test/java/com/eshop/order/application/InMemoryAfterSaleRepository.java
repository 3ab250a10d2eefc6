package com.eshop.order.application;

import com.eshop.common.api.enums.AfterSaleStatusEnum;
import com.eshop.common.api.enums.RefundStatusEnum;
import com.eshop.order.domain.AfterSale;
import com.eshop.order.domain.AfterSaleItem;
import com.eshop.order.domain.AfterSaleLifecycle;
import com.eshop.order.domain.AfterSaleRefund;
import com.eshop.order.domain.AfterSaleRepository;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** after_sale_* in memory, with the conditional writes of the MyBatis adapter. */
class InMemoryAfterSaleRepository implements AfterSaleRepository {
    final Map<String, AfterSale> afterSales = new LinkedHashMap<>();
    final Map<String, List<AfterSaleItem>> items = new LinkedHashMap<>();
    final Map<String, AfterSaleRefund> refunds = new LinkedHashMap<>();
    final List<String> log = new ArrayList<>();
    private final Set<String> changedBy = new HashSet<>();

    @Override
    public Optional<AfterSale> findAfterSale(String afterSaleId) {
        return Optional.ofNullable(afterSales.get(afterSaleId));
    }

    @Override
    public List<AfterSale> listByOrder(String orderId) {
        return afterSales.values().stream().filter(a -> a.orderId().equals(orderId)).toList();
    }

    @Override
    public Optional<AfterSaleRefund> findRefund(String afterSaleId) {
        return Optional.ofNullable(refunds.get(afterSaleId));
    }

    @Override
    public Optional<AfterSaleRefund> findRefundByRequestId(String refundRequestId) {
        return refunds.values().stream().filter(r -> r.refundRequestId().equals(refundRequestId)).findFirst();
    }

    @Override
    public void insertAfterSale(AfterSale afterSale, List<AfterSaleItem> afterSaleItems, AfterSaleRefund refund, String attemptId) {
        if (afterSales.putIfAbsent(afterSale.afterSaleId(), afterSale) != null) {
            throw new IllegalStateException("duplicate after-sale " + afterSale.afterSaleId());
        }
        items.put(afterSale.afterSaleId(), List.copyOf(afterSaleItems));
        refunds.put(afterSale.afterSaleId(), refund);
        log.add(afterSale.afterSaleId() + ":UN_CREATED->" + afterSale.status());
        changedBy.add(afterSale.afterSaleId() + "/" + attemptId);
    }

    @Override
    public boolean recordRefund(String afterSaleId, AfterSaleStatusEnum to, String attemptId) {
        if (!AfterSaleLifecycle.canTransit(AfterSaleStatusEnum.REVIEW_PASS, to)) {
            throw new IllegalArgumentException("REVIEW_PASS -> " + to);
        }
        if (!transit(afterSaleId, AfterSaleStatusEnum.REVIEW_PASS, to)) {
            return false;
        }
        changedBy.add(afterSaleId + "/" + attemptId);
        refundDone(afterSaleId);
        return true;
    }

    @Override
    public boolean recordRefundNotified(String afterSaleId) {
        if (refunds.get(afterSaleId).refundStatus() != RefundStatusEnum.UN_REFUND) {
            return false;
        }
        refundDone(afterSaleId);
        log.add(afterSaleId + ":refund notified");
        return true;
    }

    private void refundDone(String afterSaleId) {
        AfterSaleRefund r = refunds.get(afterSaleId);
        refunds.put(afterSaleId, new AfterSaleRefund(r.afterSaleId(), r.orderId(), r.refundRequestId(), r.payType(), r.outTradeNo(),
                r.refundAmount(), RefundStatusEnum.REFUND_SUCCESS));
    }

    @Override
    public boolean isChangedBy(String afterSaleId, String attemptId) {
        return changedBy.contains(afterSaleId + "/" + attemptId);
    }

    @Override
    public boolean markRefunded(String afterSaleId) {
        return transit(afterSaleId, AfterSaleStatusEnum.REFUNDING, AfterSaleStatusEnum.REFUNDED);
    }

    AfterSaleStatusEnum status(String afterSaleId) {
        return afterSales.get(afterSaleId).status();
    }

    private boolean transit(String afterSaleId, AfterSaleStatusEnum from, AfterSaleStatusEnum to) {
        AfterSale a = afterSales.get(afterSaleId);
        if (a == null || a.status() != from) {
            return false;
        }
        afterSales.put(afterSaleId, new AfterSale(a.afterSaleId(), a.orderId(), a.userId(), a.afterSaleType(), to, a.applyRefundAmount(),
                a.realRefundAmount(), a.createdTime()));
        log.add(afterSaleId + ":" + from + "->" + to);
        return true;
    }
}
