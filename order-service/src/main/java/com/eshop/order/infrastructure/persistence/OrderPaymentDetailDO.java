package com.eshop.order.infrastructure.persistence;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import lombok.Data;

import java.util.Date;

@Data
@TableName("order_payment_detail")
public class OrderPaymentDetailDO {
    @TableId(type = IdType.AUTO)
    private Long id;
    private String orderId;
    private Integer payType;
    private Integer payAmount;
    private Integer payStatus;
    private String outTradeNo;
    private Date payTime;
}
