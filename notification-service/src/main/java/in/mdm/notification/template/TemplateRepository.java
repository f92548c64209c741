package in.mdm.notification.template;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import in.mdm.platform.jdbc.PagedQuery;
import in.mdm.platform.web.PageResponse;

@Repository
class TemplateRepository {

    private static final String WHERE = """
            where (cast(:channel as varchar) is null or channel = :channel)
              and (cast(:language as varchar) is null or language = :language)""";

    /** Channels in the order of the enum, English before Tamil. */
    private static final String ORDER_COLUMNS = """
            code, case channel when 'EMAIL' then 0 when 'SMS' then 1 else 2 end, language""";

    private final JdbcClient jdbc;

    TemplateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Template> variants(String code) {
        return jdbc.sql("select * from notification_templates where code = :code order by " + ORDER_COLUMNS)
            .param("code", code)
            .query(TemplateRepository::map)
            .list();
    }

    PageResponse<Template> page(Channel channel, String language, int page, int size) {
        return PagedQuery.selectUnscoped(jdbc, "*", "notification_templates " + WHERE)
            .param("channel", channel)
            .param("language", language)
            .orderBy(ORDER_COLUMNS)
            .fetch(page, size, TemplateRepository::map);
    }

    java.util.Optional<Template> find(String code, Channel channel, String language) {
        return jdbc.sql(
                "select * from notification_templates where code = :code and channel = :channel and language = :language")
            .param("code", code)
            .param("channel", channel.name())
            .param("language", language)
            .query(TemplateRepository::map)
            .optional();
    }

    /** Creates or replaces one variant. */
    Template save(String code, Channel channel, String language, String subject, String body) {
        return jdbc.sql("""
                insert into notification_templates (code, channel, language, subject, body)
                values (:code, :channel, :language, :subject, :body)
                on conflict (code, channel, language) do update
                   set subject = excluded.subject, body = excluded.body, updated_at = now()
                returning *""")
            .param("code", code)
            .param("channel", channel.name())
            .param("language", language)
            .param("subject", subject)
            .param("body", body)
            .query(TemplateRepository::map)
            .single();
    }

    private static Template map(ResultSet rs, int row) throws SQLException {
        return new Template(rs.getString("code"), Channel.valueOf(rs.getString("channel")), rs.getString("language"),
                rs.getString("subject"), rs.getString("body"), rs.getTimestamp("updated_at").toInstant());
    }

}
