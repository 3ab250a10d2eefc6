package com.eshop.order.infrastructure.persistence;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface AfterSaleRefundMapper extends BaseMapper<AfterSaleRefundDO> {

    @Update("UPDATE after_sale_refund SET refund_status = #{to}, refund_pay_time = NOW(3) WHERE after_sale_id = #{afterSaleId} AND refund_status = #{from}")
    int transitRefundStatus(@Param("afterSaleId") String afterSaleId, @Param("from") int from, @Param("to") int to);
}
