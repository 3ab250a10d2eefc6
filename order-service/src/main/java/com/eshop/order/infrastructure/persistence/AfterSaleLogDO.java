package com.eshop.order.infrastructure.persistence;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import lombok.Data;

import java.util.Date;

@Data
@TableName("after_sale_log")
public class AfterSaleLogDO {
    @TableId(type = IdType.AUTO)
    private Long id;
    private String afterSaleId;
    private Integer preStatus;
    private Integer currentStatus;
    private String remark;
    private String requestId;
    private Date gmtCreate;
}
