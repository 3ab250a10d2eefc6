package com.eshop.order.infrastructure.persistence;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface AfterSaleInfoMapper extends BaseMapper<AfterSaleInfoDO> {

    @Update("UPDATE after_sale_info SET after_sale_status = #{to} WHERE after_sale_id = #{afterSaleId} AND after_sale_status = #{from}")
    int transitStatus(@Param("afterSaleId") String afterSaleId, @Param("from") int from, @Param("to") int to);
}
