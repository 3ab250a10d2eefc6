package com.eshop.order.infrastructure.persistence;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import lombok.Data;

import java.util.Date;

@Data
@TableName("order_info")
public class OrderInfoDO {
    @TableId(type = IdType.AUTO)
    private Long id;
    private String orderId;
    private String userId;
    private Integer businessIdentifier;
    private Integer orderType;
    private Integer orderStatus;
    private Integer cancelType;
    private Date cancelTime;
    private String couponId;
    private Integer totalAmount;
    private Integer couponAmount;
    private Integer payAmount;
    private Integer payType;
    private Date expireTime;
    private Date gmtCreate;
}
