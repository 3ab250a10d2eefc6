package com.eshop.order.infrastructure.persistence;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import lombok.Data;

import java.util.Date;

@Data
@TableName("order_operate_log")
public class OrderOperateLogDO {
    @TableId(type = IdType.AUTO)
    private Long id;
    private String orderId;
    private Integer operateType;
    private Integer preStatus;
    private Integer currentStatus;
    private String remark;
    private Date gmtCreate;
    private String requestId;
}
