using Microsoft.EntityFrameworkCore;
using Sap.Domain.Data;
using Sap.Domain.Events;
using Sap.Domain.Writes;

namespace Sap.Domain.Apuracoes;

/// <summary>
/// Closing a month: receita and cpv are taken from the month's paid pedidos at that moment, the verbas from the
/// caller. One apuração per month; a definitive one can no longer change or be deleted.
/// </summary>
public static class ApuracaoCommands
{
    private const decimal MaxVerba = 1_000_000_000m;

    public static async Task<ApuracaoView> CreateAsync(WriteScope scope, ApuracaoInput input, DateOnly today, CancellationToken cancellationToken)
    {
        var v = new Validator();
        var mes = v.Number("mes", input.Mes, 1, 12);
        var ano = v.Number("ano", input.Ano, 2000, 2100);
        var verbas = Verbas(v, required: false, input.VerbaScann, input.VerbaPlanoNegocios, input.VerbaTimeAmbev, input.VerbaOutrasReceitas, input.OutrosCustos);
        if (!v.HasErrors && ApuracaoCalendar.IsFuture(ano, mes, today))
        {
            v.Add("mes", "Não se apura um mês que ainda não começou.");
        }

        v.ThrowIfInvalid();
        if (await scope.Db.Apuracoes.AnyAsync(a => a.Ano == ano && a.Mes == mes, cancellationToken))
        {
            throw new DomainRuleException(DomainRuleKind.Conflict, $"Já existe uma apuração para {mes:00}/{ano}.");
        }

        var calculado = await ApuracaoQueries.CalculateAsync(scope.Db, ano, mes, cancellationToken);
        var apuracao = new Apuracao
        {
            Mes = mes,
            Ano = ano,
            DataCriacao = scope.Now,
            DataAtualizacao = scope.Now,
            CriadoPor = scope.Subject,
        };
        SetCalculado(apuracao, calculado);
        SetVerbas(apuracao, verbas);
        var yearIsNew = !await scope.Db.Apuracoes.AnyAsync(a => a.Ano == ano, cancellationToken);
        scope.Db.Apuracoes.Add(apuracao);
        await scope.Db.SaveChangesAsync(cancellationToken);
        Record(scope, EventTypes.ApuracaoCriada, apuracao, $"Apuração {mes:00}/{ano} criada", yearIsNew);
        return ApuracaoQueries.View(apuracao);
    }

    public static async Task<ApuracaoView> UpdateAsync(WriteScope scope, long id, ApuracaoUpdateInput input, CancellationToken cancellationToken)
    {
        var v = new Validator();
        // PUT takes the whole resource: every verba and outros_custos is sent (recalcular is an action, not a field).
        var verbas = Verbas(v, required: true, input.VerbaScann, input.VerbaPlanoNegocios, input.VerbaTimeAmbev, input.VerbaOutrasReceitas, input.OutrosCustos);
        v.ThrowIfInvalid();
        var apuracao = await EditableAsync(scope, id, "alterada", cancellationToken);
        SetVerbas(apuracao, verbas);
        if (input.Recalcular == true)
        {
            SetCalculado(apuracao, await ApuracaoQueries.CalculateAsync(scope.Db, apuracao.Ano, apuracao.Mes, cancellationToken));
        }

        apuracao.DataAtualizacao = scope.Now;
        await scope.Db.SaveChangesAsync(cancellationToken);
        Record(scope, EventTypes.ApuracaoAtualizada, apuracao, $"Apuração {apuracao.Mes:00}/{apuracao.Ano} alterada");
        return ApuracaoQueries.View(apuracao);
    }

    public static async Task<ApuracaoView> MakeDefinitiveAsync(WriteScope scope, long id, CancellationToken cancellationToken)
    {
        var apuracao = await EditableAsync(scope, id, "tornada definitiva de novo", cancellationToken);
        apuracao.Definitivo = true;
        apuracao.DataAtualizacao = scope.Now;
        await scope.Db.SaveChangesAsync(cancellationToken);
        Record(scope, EventTypes.ApuracaoAtualizada, apuracao, $"Apuração {apuracao.Mes:00}/{apuracao.Ano} definitiva");
        return ApuracaoQueries.View(apuracao);
    }

    public static async Task<ApuracaoView> DeleteAsync(WriteScope scope, long id, CancellationToken cancellationToken)
    {
        var apuracao = await EditableAsync(scope, id, "excluída", cancellationToken);
        var view = ApuracaoQueries.View(apuracao);
        scope.Db.Apuracoes.Remove(apuracao);
        await scope.Db.SaveChangesAsync(cancellationToken);
        var yearIsGone = !await scope.Db.Apuracoes.AnyAsync(a => a.Ano == apuracao.Ano, cancellationToken);
        Record(scope, EventTypes.ApuracaoExcluida, apuracao, $"Apuração {apuracao.Mes:00}/{apuracao.Ano} excluída", yearIsGone);
        return view;
    }

    /// <summary>The apuração, locked; a definitive one cannot be changed (409).</summary>
    private static async Task<Apuracao> EditableAsync(WriteScope scope, long id, string what, CancellationToken cancellationToken)
    {
        var apuracao = await RowLocks.ApuracaoAsync(scope.Db, id, cancellationToken)
            ?? throw new NotFoundException($"Apuração {id} não encontrada.");
        return apuracao.Definitivo
            ? throw new DomainRuleException(DomainRuleKind.Conflict, $"A apuração {apuracao.Mes:00}/{apuracao.Ano} é definitiva e não pode ser {what}.")
            : apuracao;
    }

    /// <summary>The verbas and outros_custos; left out of a create, a value is 0; a replacement (PUT) must send them all.</summary>
    private static decimal[] Verbas(Validator v, bool required, params decimal?[] values)
    {
        string[] fields = ["verba_scann", "verba_plano_negocios", "verba_time_ambev", "verba_outras_receitas", "outros_custos"];
        return [.. values.Select((value, i) => v.Money(fields[i], required ? value : value ?? 0m, 0m, MaxVerba))];
    }

    private static void SetVerbas(Apuracao a, decimal[] verbas)
    {
        a.VerbaScann = verbas[0];
        a.VerbaPlanoNegocios = verbas[1];
        a.VerbaTimeAmbev = verbas[2];
        a.VerbaOutrasReceitas = verbas[3];
        a.OutrosCustos = verbas[4];
    }

    private static void SetCalculado(Apuracao a, ApuracaoCalculado calculado)
    {
        if (calculado.Receita > ApuracaoConfiguration.MaxReceita)
        {
            throw new DomainRuleException(DomainRuleKind.RuleBroken, "A receita do mês excede o limite de R$ 1.000.000.000,00 de uma apuração.");
        }

        a.ReceitaTotal = calculado.Receita;
        a.CustoProdutos = calculado.Cpv;
    }

    private static void Record(WriteScope scope, string type, Apuracao a, string titulo, bool? anosAlterados = null) =>
        scope.Record(type, "apuracao", titulo, a.Id, $"apuracao:{a.Ano:0000}-{a.Mes:00}",
            new EventData { ApuracaoId = a.Id, Ano = a.Ano, Mes = a.Mes, AnosAlterados = anosAlterados });
}
