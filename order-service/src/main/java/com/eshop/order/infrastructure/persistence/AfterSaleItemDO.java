package com.eshop.order.infrastructure.persistence;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import lombok.Data;

import java.util.Date;

@Data
@TableName("after_sale_item")
public class AfterSaleItemDO {
    @TableId(type = IdType.AUTO)
    private Long id;
    private String afterSaleId;
    private String orderId;
    private String skuCode;
    private String productName;
    private Integer returnQuantity;
    private Integer applyRefundAmount;
    private Integer realRefundAmount;
}
