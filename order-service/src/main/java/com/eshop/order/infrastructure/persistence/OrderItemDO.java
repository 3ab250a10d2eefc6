package com.eshop.order.infrastructure.persistence;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import lombok.Data;

import java.util.Date;

@Data
@TableName("order_item")
public class OrderItemDO {
    @TableId(type = IdType.AUTO)
    private Long id;
    private String orderItemId;
    private String orderId;
    private String skuCode;
    private String productName;
    private Integer salePrice;
    private Integer saleQuantity;
    private Integer originAmount;
}
