package com.eshop.order.infrastructure.persistence;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import lombok.Data;

import java.util.Date;

@Data
@TableName("after_sale_info")
public class AfterSaleInfoDO {
    @TableId(type = IdType.AUTO)
    private Long id;
    private String afterSaleId;
    private String orderId;
    private String userId;
    private Integer afterSaleType;
    private Integer afterSaleStatus;
    private Integer applyRefundAmount;
    private Integer realRefundAmount;
    private Date gmtCreate;
}
