using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Access;
using MonitoringWorkflows.Web.Calendar;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Identity;
using MonitoringWorkflows.Web.Meetings;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Persistence.Records;

namespace MonitoringWorkflows.Web.Persistence;

/// <summary>
/// Definitions, instances and everything a step writes (tasks, timers, journal, incidents, outbox); the organisation
/// (districts, agencies) and Identity's users and roles, in the same database.
/// </summary>
public sealed class WorkflowDbContext(DbContextOptions<WorkflowDbContext> options)
    : IdentityDbContext<ApplicationUser, IdentityRole, string>(options)
{
    public DbSet<ProcessDefinitionRecord> ProcessDefinitions => Set<ProcessDefinitionRecord>();
    public DbSet<FormDefinitionRecord> FormDefinitions => Set<FormDefinitionRecord>();
    public DbSet<ProcessInstanceRecord> ProcessInstances => Set<ProcessInstanceRecord>();
    public DbSet<UserTaskRecord> UserTasks => Set<UserTaskRecord>();
    public DbSet<TimerRecord> Timers => Set<TimerRecord>();
    public DbSet<JournalEntryRecord> JournalEntries => Set<JournalEntryRecord>();
    public DbSet<IncidentRecord> Incidents => Set<IncidentRecord>();
    public DbSet<OutboxMessageRecord> OutboxMessages => Set<OutboxMessageRecord>();
    public DbSet<District> Districts => Set<District>();
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<CaseRecord> Cases => Set<CaseRecord>();
    public DbSet<CaseNumberCounter> CaseNumberCounters => Set<CaseNumberCounter>();
    public DbSet<Figures.VictimFactRecord> VictimFacts => Set<Figures.VictimFactRecord>();
    public DbSet<CaseViewRecord> CaseViews => Set<CaseViewRecord>();
    public DbSet<DayOffRecord> DaysOff => Set<DayOffRecord>();
    public DbSet<MeetingRecord> Meetings => Set<MeetingRecord>();
    public DbSet<AgendaItemRecord> AgendaItems => Set<AgendaItemRecord>();
    public DbSet<MeetingActionRecord> MeetingActions => Set<MeetingActionRecord>();
    public DbSet<AttendanceRecord> MeetingAttendance => Set<AttendanceRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Identity's tables first, so that configurations in this assembly can refine them.
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WorkflowDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no DateTimeOffset type: EF would store text it cannot compare or order. Every timestamp is
        // stored as UTC ticks (INTEGER), so "due before now" and "order by due" run in SQL and use the indexes.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}
