package com.eshop.order.infrastructure.persistence;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import lombok.Data;

import java.util.Date;

@Data
@TableName("after_sale_refund")
public class AfterSaleRefundDO {
    @TableId(type = IdType.AUTO)
    private Long id;
    private String afterSaleId;
    private String orderId;
    private String refundRequestId;
    private Integer payType;
    private String outTradeNo;
    private Integer refundAmount;
    private Integer refundStatus;
    private Date refundPayTime;
}
