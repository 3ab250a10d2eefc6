package com.eshop.order.infrastructure.persistence;

import com.eshop.common.api.enums.AfterSaleStatusEnum;
import com.eshop.common.api.enums.OrderStatusEnum;
import com.eshop.common.api.enums.PayStatusEnum;
import com.eshop.common.api.enums.RefundStatusEnum;
import com.eshop.order.domain.AfterSale;
import com.eshop.order.domain.AfterSaleItem;
import com.eshop.order.domain.AfterSaleRefund;
import com.eshop.order.domain.Order;
import com.eshop.order.domain.OrderItem;
import com.eshop.order.domain.OrderPayment;
import com.eshop.order.domain.PaymentRecord;
import com.eshop.order.domain.PaymentRecordStatus;

import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.function.Function;

/** Between order_db's rows and the domain's records. */
final class OrderRows {
    private OrderRows() {
    }

    static Order toOrder(OrderInfoDO row) {
        return new Order(row.getOrderId(), row.getUserId(), row.getBusinessIdentifier(), row.getOrderType(),
                OrderStatusEnum.of(row.getOrderStatus()), row.getCancelType(), instant(row.getCancelTime()), row.getCouponId(),
                row.getTotalAmount(), row.getCouponAmount(), row.getPayAmount(), row.getPayType(), instant(row.getExpireTime()),
                instant(row.getGmtCreate()));
    }

    static OrderInfoDO toRow(Order order) {
        OrderInfoDO row = new OrderInfoDO();
        row.setOrderId(order.orderId());
        row.setUserId(order.userId());
        row.setBusinessIdentifier(order.businessIdentifier());
        row.setOrderType(order.orderType());
        row.setOrderStatus(order.status().getCode());
        row.setCancelType(order.cancelType());
        row.setCancelTime(date(order.cancelTime()));
        row.setCouponId(order.couponId());
        row.setTotalAmount(order.totalAmount());
        row.setCouponAmount(order.couponAmount());
        row.setPayAmount(order.payAmount());
        row.setPayType(order.payType());
        row.setExpireTime(date(order.expireTime()));
        return row;
    }

    static OrderItem toItem(OrderItemDO row) {
        return new OrderItem(row.getOrderItemId(), row.getOrderId(), row.getSkuCode(), row.getProductName(), row.getSalePrice(),
                row.getSaleQuantity(), row.getOriginAmount());
    }

    static OrderItemDO toRow(OrderItem item) {
        OrderItemDO row = new OrderItemDO();
        row.setOrderItemId(item.orderItemId());
        row.setOrderId(item.orderId());
        row.setSkuCode(item.skuCode());
        row.setProductName(item.productName());
        row.setSalePrice(item.salePrice());
        row.setSaleQuantity(item.saleQuantity());
        row.setOriginAmount(item.originAmount());
        return row;
    }

    static OrderPayment toPayment(OrderPaymentDetailDO row) {
        return new OrderPayment(row.getOrderId(), row.getPayType(), row.getPayAmount(),
                byCode(PayStatusEnum.values(), PayStatusEnum::getCode, row.getPayStatus()), row.getOutTradeNo(), instant(row.getPayTime()));
    }

    static OrderPaymentDetailDO toRow(OrderPayment payment) {
        OrderPaymentDetailDO row = new OrderPaymentDetailDO();
        row.setOrderId(payment.orderId());
        row.setPayType(payment.payType());
        row.setPayAmount(payment.payAmount());
        row.setPayStatus(payment.payStatus().getCode());
        row.setOutTradeNo(payment.outTradeNo());
        row.setPayTime(date(payment.payTime()));
        return row;
    }

    static PaymentRecord toPaymentRecord(OrderPaymentRecordDO row) {
        return new PaymentRecord(row.getOrderId(), row.getPayType(), row.getOutTradeNo(), row.getPayAmount(),
                byCode(PaymentRecordStatus.values(), PaymentRecordStatus::getCode, row.getStatus()), row.getRefundRequestId());
    }

    static OrderPaymentRecordDO toRow(PaymentRecord record) {
        OrderPaymentRecordDO row = new OrderPaymentRecordDO();
        row.setOrderId(record.orderId());
        row.setPayType(record.payType());
        row.setOutTradeNo(record.outTradeNo());
        row.setPayAmount(record.payAmount());
        row.setStatus(record.status().getCode());
        row.setRefundRequestId(record.refundRequestId());
        return row;
    }

    static AfterSale toAfterSale(AfterSaleInfoDO row) {
        return new AfterSale(row.getAfterSaleId(), row.getOrderId(), row.getUserId(), row.getAfterSaleType(),
                byCode(AfterSaleStatusEnum.values(), AfterSaleStatusEnum::getCode, row.getAfterSaleStatus()),
                row.getApplyRefundAmount(), row.getRealRefundAmount(), instant(row.getGmtCreate()));
    }

    static AfterSaleInfoDO toRow(AfterSale afterSale) {
        AfterSaleInfoDO row = new AfterSaleInfoDO();
        row.setAfterSaleId(afterSale.afterSaleId());
        row.setOrderId(afterSale.orderId());
        row.setUserId(afterSale.userId());
        row.setAfterSaleType(afterSale.afterSaleType());
        row.setAfterSaleStatus(afterSale.status().getCode());
        row.setApplyRefundAmount(afterSale.applyRefundAmount());
        row.setRealRefundAmount(afterSale.realRefundAmount());
        return row;
    }

    static AfterSaleItemDO toRow(AfterSaleItem item) {
        AfterSaleItemDO row = new AfterSaleItemDO();
        row.setAfterSaleId(item.afterSaleId());
        row.setOrderId(item.orderId());
        row.setSkuCode(item.skuCode());
        row.setProductName(item.productName());
        row.setReturnQuantity(item.returnQuantity());
        row.setApplyRefundAmount(item.applyRefundAmount());
        row.setRealRefundAmount(item.realRefundAmount());
        return row;
    }

    static AfterSaleRefund toRefund(AfterSaleRefundDO row) {
        return new AfterSaleRefund(row.getAfterSaleId(), row.getOrderId(), row.getRefundRequestId(), row.getPayType(),
                row.getOutTradeNo(), row.getRefundAmount(), byCode(RefundStatusEnum.values(), RefundStatusEnum::getCode, row.getRefundStatus()));
    }

    static AfterSaleRefundDO toRow(AfterSaleRefund refund) {
        AfterSaleRefundDO row = new AfterSaleRefundDO();
        row.setAfterSaleId(refund.afterSaleId());
        row.setOrderId(refund.orderId());
        row.setRefundRequestId(refund.refundRequestId());
        row.setPayType(refund.payType());
        row.setOutTradeNo(refund.outTradeNo());
        row.setRefundAmount(refund.refundAmount());
        row.setRefundStatus(refund.refundStatus().getCode());
        return row;
    }

    private static <E> E byCode(E[] values, Function<E, Integer> code, Integer value) {
        return Arrays.stream(values).filter(e -> code.apply(e).equals(value)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown status code " + value));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
