// Generated from the server's OpenAPI document by `npm run api:generate`: do not edit.
// A test fails when this file no longer matches the server's routes.
export interface paths {
  '/api/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 健康检查 */
    get: operations['getHealth'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/audit-logs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 审计日志 */
    get: operations['getAuditLogs'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/audit-logs/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 校验审计日志（每条记录的哈希与封存批次的哈希链） */
    get: operations['getAuditLogsVerify'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 本单位的和发给本人的消息提醒 */
    get: operations['getNotifications'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications/{id}/read': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 标记已读 */
    post: operations['postNotificationsByIdRead'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 我的消息 */
    get: operations['getMeNotifications'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/notifications/{id}/read': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 标记已读 */
    post: operations['postMeNotificationsByIdRead'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/notifications/read-all': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 全部标记已读 */
    post: operations['postMeNotificationsReadAll'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 登录 */
    post: operations['postAuthLogin'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/challenge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 登录人机验证（工作量证明）题目 */
    get: operations['getAuthChallenge'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 退出登录 */
    post: operations['postAuthLogout'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 当前用户 */
    get: operations['getAuthMe'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 修改本人密码 */
    post: operations['postAuthPassword'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/totp/setup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 生成两步验证密钥 */
    post: operations['postAuthTotpSetup'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/totp/enable': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 启用两步验证 */
    post: operations['postAuthTotpEnable'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/roles': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 角色列表 */
    get: operations['getRoles'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 账号列表 */
    get: operations['getUsers'];
    put?: never;
    /** 新建账号（返回一次性初始密码） */
    post: operations['postUsers'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/team-options': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 可供队长账号绑定的队伍（所选单位本级的队伍） */
    get: operations['getUsersTeamOptions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** 编辑账号 */
    patch: operations['patchUsersById'];
    trace?: never;
  };
  '/api/users/{id}/reset-password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 重置密码 */
    post: operations['postUsersByIdResetPassword'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{id}/unlock': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 解除锁定 */
    post: operations['postUsersByIdUnlock'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{id}/disable': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 停用账号 */
    post: operations['postUsersByIdDisable'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{id}/enable': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 启用账号 */
    post: operations['postUsersByIdEnable'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{id}/reset-totp': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 重置两步验证 */
    post: operations['postUsersByIdResetTotp'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/pending-activation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 待激活的账号 */
    get: operations['getUsersPendingActivation'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{id}/activate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 激活账号（审计管理员或中心管理员） */
    post: operations['postUsersByIdActivate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/uploads': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 上传图片（JPG、PNG、WEBP，≤ 10 MB，表单字段 file） */
    post: operations['postUploads'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/uploads/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 查看已上传的图片 */
    get: operations['getUploadsById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orgs/tree': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 本人数据范围内的组织树 */
    get: operations['getOrgsTree'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orgs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 组织列表 */
    get: operations['getOrgs'];
    put?: never;
    /** 新增组织 */
    post: operations['postOrgs'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orgs/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 导出组织列表 (Excel) */
    get: operations['getOrgsExport'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orgs/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 组织详情 */
    get: operations['getOrgsById'];
    put?: never;
    post?: never;
    /** 删除组织（无下级、无成员时） */
    delete: operations['deleteOrgsById'];
    options?: never;
    head?: never;
    /** 编辑组织 */
    patch: operations['patchOrgsById'];
    trace?: never;
  };
  '/api/orgs/{id}/move': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 迁移组织（连同下级） */
    post: operations['postOrgsByIdMove'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orgs/{id}/archive': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 归档组织 */
    post: operations['postOrgsByIdArchive'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orgs/{id}/restore': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 恢复组织 */
    post: operations['postOrgsByIdRestore'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/platforms': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 五大服务平台 */
    get: operations['getPlatforms'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/platforms/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** 编辑服务平台 */
    patch: operations['patchPlatformsById'];
    trace?: never;
  };
  '/api/site-standards': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 阵地建设标准列表（含上级制定的标准） */
    get: operations['getSiteStandards'];
    put?: never;
    /** 新增阵地建设标准 */
    post: operations['postSiteStandards'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/site-standards/coverage': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 标准达标覆盖情况（按直属下级汇总） */
    get: operations['getSiteStandardsCoverage'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/site-standards/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** 编辑阵地建设标准（检查项整体替换；可停用/启用） */
    patch: operations['patchSiteStandardsById'];
    trace?: never;
  };
  '/api/inspections': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 阵地检查记录列表 */
    get: operations['getInspections'];
    put?: never;
    /** 登记阵地检查 */
    post: operations['postInspections'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inspections/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 阵地检查详情 */
    get: operations['getInspectionsById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/tree': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 队伍树 */
    get: operations['getTeamsTree'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 队伍列表（本单位及下级） */
    get: operations['getTeams'];
    put?: never;
    /** 新建队伍 */
    post: operations['postTeams'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 队伍详情 */
    get: operations['getTeamsById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** 编辑队伍 */
    patch: operations['patchTeamsById'];
    trace?: never;
  };
  '/api/teams/{id}/dissolve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 解散队伍 */
    post: operations['postTeamsByIdDissolve'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{id}/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 队员列表 */
    get: operations['getTeamsByIdMembers'];
    put?: never;
    /** 添加队员（管理员指派） */
    post: operations['postTeamsByIdMembers'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{id}/members/{memberId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** 移出队伍 */
    delete: operations['deleteTeamsByIdMembersByMemberId'];
    options?: never;
    head?: never;
    /** 设置队员职务（新队长会使原队长改为队员） */
    patch: operations['patchTeamsByIdMembersByMemberId'];
    trace?: never;
  };
  '/api/teams/{id}/members/{memberId}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 通过入队申请 */
    post: operations['postTeamsByIdMembersByMemberIdApprove'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/teams/{id}/members/{memberId}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 拒绝入队申请 */
    post: operations['postTeamsByIdMembersByMemberIdReject'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/teams': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 我的队伍 */
    get: operations['getMeTeams'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/teams/available': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 可申请加入的队伍 */
    get: operations['getMeTeamsAvailable'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/teams/{teamId}/apply': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 申请加入队伍 */
    post: operations['postMeTeamsByTeamIdApply'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/teams/{teamId}/leave': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 撤回申请或退出队伍 */
    post: operations['postMeTeamsByTeamIdLeave'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/teams/{teamId}/applications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 待审核的入队申请（队长、副队长） */
    get: operations['getMeTeamsByTeamIdApplications'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/team-applications/{memberId}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 队长通过入队申请 */
    post: operations['postMeTeamApplicationsByMemberIdApprove'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/team-applications/{memberId}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 队长拒绝入队申请 */
    post: operations['postMeTeamApplicationsByMemberIdReject'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/public/residence-orgs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 镇（街道）及其村（社区），供注册时选择 */
    get: operations['getPublicResidenceOrgs'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/volunteers/register': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 志愿者实名注册（H5） */
    post: operations['postVolunteersRegister'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/volunteer': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 我的志愿者信息 */
    get: operations['getMeVolunteer'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** 修改我的志愿者信息 */
    patch: operations['patchMeVolunteer'];
    trace?: never;
  };
  '/api/me/volunteer/withdraw': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 撤回个人信息授权（可申请删除），注销志愿者账号 */
    post: operations['postMeVolunteerWithdraw'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/volunteers/import-template': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 下载志愿者导入模板 (Excel) */
    get: operations['getVolunteersImportTemplate'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/volunteers/imports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 我的导入任务 */
    get: operations['getVolunteersImports'];
    put?: never;
    /** 上传志愿者导入文件（.xlsx ≤ 10 MB，表单字段 file），后台逐行校验 */
    post: operations['postVolunteersImports'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/volunteers/imports/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 导入任务进度与校验报告 */
    get: operations['getVolunteersImportsById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/volunteers/imports/{id}/commit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 确认导入（全部或仅有效行，一个事务） */
    post: operations['postVolunteersImportsByIdCommit'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/volunteers/imports/{id}/errors': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 下载错误报告 (Excel) */
    get: operations['getVolunteersImportsByIdErrors'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/volunteers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 志愿者列表（本单位及下级） */
    get: operations['getVolunteers'];
    put?: never;
    /** 录入志愿者（线下登记） */
    post: operations['postVolunteers'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/volunteers/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 导出志愿者 (Excel，默认脱敏) */
    get: operations['getVolunteersExport'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/volunteers/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 志愿者详情 */
    get: operations['getVolunteersById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** 编辑志愿者 */
    patch: operations['patchVolunteersById'];
    trace?: never;
  };
  '/api/volunteers/{id}/suspend': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 暂停志愿者 */
    post: operations['postVolunteersByIdSuspend'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/volunteers/{id}/reactivate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 恢复志愿者 */
    post: operations['postVolunteersByIdReactivate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/volunteers/{id}/reveal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 查看完整身份证号或手机号（记录审计） */
    post: operations['postVolunteersByIdReveal'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/volunteers/rejoin-requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 待确认的重新加入申请（已注销的志愿者未凭原手机号重新注册） */
    get: operations['getVolunteersRejoinRequests'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/volunteers/rejoin-requests/{id}/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 核实本人后确认重新加入：恢复志愿者身份并开通账号（记录审计） */
    post: operations['postVolunteersRejoinRequestsByIdConfirm'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/volunteers/rejoin-requests/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 驳回重新加入申请（记录审计） */
    post: operations['postVolunteersRejoinRequestsByIdReject'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/volunteer-card': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 我的志愿者电子证 */
    get: operations['getMeVolunteerCard'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/volunteers/{id}/card': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 打印志愿者证（为没有智能手机的志愿者；每次打印留痕） */
    get: operations['getVolunteersByIdCard'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/volunteers/{id}/card/reissue': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 补办志愿者证（旧证的二维码随即失效） */
    post: operations['postVolunteersByIdCardReissue'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/volunteer-card/photo': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 设置我的志愿者证照片（JPG、PNG、WEBP，≤ 5 MB，表单字段 file） */
    post: operations['postMeVolunteerCardPhoto'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/volunteer-card/photo/{photoId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 查看我的志愿者证照片 */
    get: operations['getMeVolunteerCardPhotoByPhotoId'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/volunteers/{id}/photo': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 设置志愿者证照片（JPG、PNG、WEBP，≤ 5 MB，表单字段 file） */
    post: operations['postVolunteersByIdPhoto'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/volunteers/{id}/photo/{photoId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 查看志愿者证照片（本人所在单位及上级单位的管理员） */
    get: operations['getVolunteersByIdPhotoByPhotoId'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/projects': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 项目库（本单位、下级及上级单位的项目） */
    get: operations['getProjects'];
    put?: never;
    /** 确立项目 */
    post: operations['postProjects'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/projects/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 项目详情（含阶段记录） */
    get: operations['getProjectsById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** 编辑项目 */
    patch: operations['patchProjectsById'];
    trace?: never;
  };
  '/api/projects/{id}/status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 推进项目阶段（确立 → 招募 → 实施 → 评估 → 优化 → 招募） */
    post: operations['postProjectsByIdStatus'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/projects/{id}/copy': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 复制项目到另一年度 */
    post: operations['postProjectsByIdCopy'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/menu-items': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 服务清单（本单位、下级及上级单位发布的服务） */
    get: operations['getMenuItems'];
    put?: never;
    /** 发布服务 */
    post: operations['postMenuItems'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/menu-items/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 服务详情 */
    get: operations['getMenuItemsById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** 编辑服务 */
    patch: operations['patchMenuItemsById'];
    trace?: never;
  };
  '/api/menu-items/{id}/withdraw': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 下架服务 */
    post: operations['postMenuItemsByIdWithdraw'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/menu-items/{id}/publish': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 重新上架服务 */
    post: operations['postMenuItemsByIdPublish'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/public/menu': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 群众可点的服务清单（按所在村（社区）） */
    get: operations['getPublicMenu'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/hour-rules/effective': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 单位适用的时长取整规则（自设或沿用上级） */
    get: operations['getHourRulesEffective'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/hour-rules/{orgId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** 设置单位的时长取整规则 */
    put: operations['putHourRulesByOrgId'];
    post?: never;
    /** 取消单位自设的规则（沿用上级） */
    delete: operations['deleteHourRulesByOrgId'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/service-records': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 服务记录（本单位及下级） */
    get: operations['getServiceRecords'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/service-records/counts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 各状态服务记录数（与列表同一筛选，按数据库统计） */
    get: operations['getServiceRecordsCounts'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/service-records/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 服务记录详情（含变更记录和证明材料） */
    get: operations['getServiceRecordsById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/service-records/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 批量确认服务时长 */
    post: operations['postServiceRecordsConfirm'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/service-records/{id}/correct': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 更正服务时长（须填写原因） */
    post: operations['postServiceRecordsByIdCorrect'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/service-records/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 驳回待确认的服务记录 */
    post: operations['postServiceRecordsByIdReject'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/service-records/backfill': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 补录活动时长（须上传证明材料，由另一位管理员确认） */
    post: operations['postServiceRecordsBackfill'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/service-records/manual': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 手工录入其他服务时长（须上传证明材料，由另一位管理员确认） */
    post: operations['postServiceRecordsManual'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/service-records/opening': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 录入平台启用前的历史时长（须注明来源并上传证明材料，由另一位管理员确认） */
    post: operations['postServiceRecordsOpening'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/service-records/opening-template': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 下载历史时长导入模板 (Excel) */
    get: operations['getServiceRecordsOpeningTemplate'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/service-records/opening-imports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 从 Excel 检查或导入历史时长（逐行报告；有错误的文件不导入任何一行） */
    post: operations['postServiceRecordsOpeningImports'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/service-records': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 我的服务记录与时长 */
    get: operations['getMeServiceRecords'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/team-service-records': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 本队活动的服务记录（队长、副队长） */
    get: operations['getMeTeamServiceRecords'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/team-service-records/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 队长确认本队活动的服务时长 */
    post: operations['postMeTeamServiceRecordsConfirm'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/self-logs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 我的随时记（待审核、已确认、已驳回、已撤回） */
    get: operations['getMeSelfLogs'];
    put?: never;
    /** 随时记：记录一次自己做的志愿服务（待所在实践站审核） */
    post: operations['postMeSelfLogs'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/self-logs/{id}/withdraw': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 撤回一条待审核的随时记 */
    post: operations['postMeSelfLogsByIdWithdraw'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/self-logs/{id}/photos': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 为待审核的随时记添加照片（JPG、PNG、WEBP，≤ 10 MB，每条最多 3 张，表单字段 file） */
    post: operations['postMeSelfLogsByIdPhotos'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/public/orders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 群众点单（返回一次性的查询码，凭它查看进度） */
    post: operations['postPublicOrders'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/public/orders/{token}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 查看需求进度 */
    get: operations['getPublicOrdersByToken'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/public/orders/{token}/rate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 群众评价 */
    post: operations['postPublicOrdersByTokenRate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/public/orders/{token}/reopen': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 需求未解决，7 天内重新办理 */
    post: operations['postPublicOrdersByTokenReopen'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/public/orders/{token}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 群众撤销需求 */
    post: operations['postPublicOrdersByTokenCancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 需求列表（按环节、超时筛选） */
    get: operations['getOrders'];
    put?: never;
    /** 代点单（电话或上门走访） */
    post: operations['postOrders'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders/counts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 各状态需求数与超时数（与列表同一筛选） */
    get: operations['getOrdersCounts'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 导出需求（Excel，与列表同一筛选；群众电话脱敏） */
    get: operations['getOrdersExport'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders/deadlines': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 本单位各环节时限（自设或沿用上级） */
    get: operations['getOrdersDeadlines'];
    /** 设置本单位各环节时限 */
    put: operations['putOrdersDeadlines'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 需求详情（含流转记录） */
    get: operations['getOrdersById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders/{id}/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 制单：受理 */
    post: operations['postOrdersByIdAccept'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 制单：驳回（原因群众可见） */
    post: operations['postOrdersByIdReject'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders/{id}/merge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 制单：合并重复需求 */
    post: operations['postOrdersByIdMerge'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 撤销需求 */
    post: operations['postOrdersByIdCancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders/{id}/candidates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 派单推荐：按专长/类别、距离、时段、在办量、评价排序，附理由 */
    get: operations['getOrdersByIdCandidates'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders/{id}/dispatch': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 派单（实践站、队伍或志愿者） */
    post: operations['postOrdersByIdDispatch'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders/{id}/evaluate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 评单并办结 */
    post: operations['postOrdersByIdEvaluate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/orders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 派给我的需求 */
    get: operations['getMeOrders'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/orders/{id}/claim': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 接单 */
    post: operations['postMeOrdersByIdClaim'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/orders/{id}/decline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 拒单（退回重新派单） */
    post: operations['postMeOrdersByIdDecline'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/orders/{id}/start': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 到场开始服务（签到位置） */
    post: operations['postMeOrdersByIdStart'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/orders/{id}/finish': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 完成服务（记录、照片、签退位置） */
    post: operations['postMeOrdersByIdFinish'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/public/orders/{token}/photos': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 群众为点单添加照片（JPG、PNG、WEBP，≤ 5 MB，每单最多 3 张，表单字段 file） */
    post: operations['postPublicOrdersByTokenPhotos'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/public/orders/{token}/photos/{photoId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 查看点单的照片 */
    get: operations['getPublicOrdersByTokenPhotosByPhotoId'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 我的点单（与本账号关联的点单） */
    get: operations['getMeRequests'];
    put?: never;
    /** 登录后点单（点单与本账号关联） */
    post: operations['postMeRequests'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/requests/phone-code': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 找回以前的点单：向点单时留的电话发送验证码 */
    post: operations['postMeRequestsPhoneCode'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/requests/link': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 找回以前的点单：凭验证码把该电话的点单关联到本账号 */
    post: operations['postMeRequestsLink'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/requests/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 我的点单的进度 */
    get: operations['getMeRequestsById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/requests/{id}/rate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 评价我的点单 */
    post: operations['postMeRequestsByIdRate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/requests/{id}/reopen': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 需求未解决，7 天内重新办理 */
    post: operations['postMeRequestsByIdReopen'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/requests/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 撤销我的点单 */
    post: operations['postMeRequestsByIdCancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/requests/{id}/photos/{photoId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 查看我的点单的照片 */
    get: operations['getMeRequestsByIdPhotosByPhotoId'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/orders/{id}/contact': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 查看群众的联系电话（接单后至完成服务前，每次查看留痕） */
    post: operations['postMeOrdersByIdContact'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/orders/{id}/photos': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 上传服务照片（服务中，JPG、PNG、WEBP，≤ 10 MB，每单最多 9 张，表单字段 file） */
    post: operations['postMeOrdersByIdPhotos'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/open311/discovery.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Open311 service discovery (json) */
    get: operations['getOpen311DiscoveryJson'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/open311/v2/services.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** GeoReport v2: services (json) */
    get: operations['getOpen311V2ServicesJson'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/open311/v2/services/{service_code}.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** GeoReport v2: a service definition (json) */
    get: operations['getOpen311V2ServicesByServiceCodeJson'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/open311/v2/requests.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** GeoReport v2: requests, without personal data (json) */
    get: operations['getOpen311V2RequestsJson'];
    put?: never;
    /** GeoReport v2: create a request (点单) (json) */
    post: operations['postOpen311V2RequestsJson'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/open311/v2/requests/{service_request_id}.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** GeoReport v2: one request, without personal data (json) */
    get: operations['getOpen311V2RequestsByServiceRequestIdJson'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/open311/discovery.xml': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Open311 service discovery (xml) */
    get: operations['getOpen311DiscoveryXml'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/open311/v2/services.xml': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** GeoReport v2: services (xml) */
    get: operations['getOpen311V2ServicesXml'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/open311/v2/services/{service_code}.xml': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** GeoReport v2: a service definition (xml) */
    get: operations['getOpen311V2ServicesByServiceCodeXml'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/open311/v2/requests.xml': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** GeoReport v2: requests, without personal data (xml) */
    get: operations['getOpen311V2RequestsXml'];
    put?: never;
    /** GeoReport v2: create a request (点单) (xml) */
    post: operations['postOpen311V2RequestsXml'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/open311/v2/requests/{service_request_id}.xml': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** GeoReport v2: one request, without personal data (xml) */
    get: operations['getOpen311V2RequestsByServiceRequestIdXml'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/activities': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 活动列表（本单位及下级） */
    get: operations['getActivities'];
    put?: never;
    /** 新建活动（草稿） */
    post: operations['postActivities'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/activities/archive': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 活动档案：一年中每月的活动场次、节日活动与资料齐全场次（按数据库统计） */
    get: operations['getActivitiesArchive'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/activities/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 活动详情 */
    get: operations['getActivitiesById'];
    /** 修改活动 */
    put: operations['putActivitiesById'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/activity-series': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 新建重复活动（每周/每月，逐次生成草稿） */
    post: operations['postActivitySeries'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/activities/{id}/publish': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 发布活动 */
    post: operations['postActivitiesByIdPublish'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/activities/{id}/start': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 开始活动 */
    post: operations['postActivitiesByIdStart'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/activities/{id}/finish': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 结束活动（签退、生成服务时长、记录未到场） */
    post: operations['postActivitiesByIdFinish'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/activities/{id}/archive': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** 活动档案：总结与视频链接 */
    put: operations['putActivitiesByIdArchive'];
    /** 归档 */
    post: operations['postActivitiesByIdArchive'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/activities/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 取消活动（通知已报名志愿者） */
    post: operations['postActivitiesByIdCancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/activities/{id}/photos': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 活动照片 */
    get: operations['getActivitiesByIdPhotos'];
    put?: never;
    /** 添加活动照片 */
    post: operations['postActivitiesByIdPhotos'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/activities/{id}/photos/{photoId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** 删除活动照片 */
    delete: operations['deleteActivitiesByIdPhotosByPhotoId'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/activities/{id}/signups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 报名名单（含候补顺序） */
    get: operations['getActivitiesByIdSignups'];
    put?: never;
    /** 直接添加志愿者（名额满时进入候补） */
    post: operations['postActivitiesByIdSignups'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/activities/{id}/signups/{volunteerId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** 移出报名（候补依次递补） */
    delete: operations['deleteActivitiesByIdSignupsByVolunteerId'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/activities': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 可报名的活动 / 我报名的活动（mine=true） */
    get: operations['getMeActivities'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/activities/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 活动详情与我的报名 */
    get: operations['getMeActivitiesById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/activities/{id}/signup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 报名（满员进入候补） */
    post: operations['postMeActivitiesByIdSignup'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/activities/{id}/cancel-signup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 取消报名 */
    post: operations['postMeActivitiesByIdCancelSignup'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/public/activities': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 身边的活动（按所在村（社区）及上级单位） */
    get: operations['getPublicActivities'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/public/activities/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 活动公开信息 */
    get: operations['getPublicActivitiesById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/public/orgs/{orgId}/activities.ics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 单位活动日历（iCalendar 订阅） */
    get: operations['getPublicOrgsByOrgIdActivitiesIcs'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/plans': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 活动计划列表（本单位及上级单位的计划，可含下级） */
    get: operations['getPlans'];
    put?: never;
    /** 新建年度活动计划 */
    post: operations['postPlans'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/plans/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 活动计划（按月分组） */
    get: operations['getPlansById'];
    /** 修改计划名称、说明与季度主题 */
    put: operations['putPlansById'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/plans/{id}/publish': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 发布计划（向群众公开） */
    post: operations['postPlansByIdPublish'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/plans/{id}/items': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 添加月度重点或周安排 */
    post: operations['postPlansByIdItems'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/plan-items/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** 修改计划安排 */
    put: operations['putPlanItemsById'];
    post?: never;
    /** 删除计划安排（已转为活动的不能删除） */
    delete: operations['deletePlanItemsById'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/plan-items/{id}/to-activity': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 计划安排转为活动（草稿） */
    post: operations['postPlanItemsByIdToActivity'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/public/plans': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 公开的年度活动计划（本单位未发布时显示上级单位的计划） */
    get: operations['getPublicPlans'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/activities/{id}/checkin-code': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 签到/签退二维码（每 30 秒更换，前一个码再有效 30 秒） */
    get: operations['getActivitiesByIdCheckinCode'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/activities/{id}/checkins': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 签到表（报名与签到的志愿者，按签到时间） */
    get: operations['getActivitiesByIdCheckins'];
    put?: never;
    /** 组织者代签到/签退（无手机的志愿者；超出范围或时间须“核准”并填写原因） */
    post: operations['postActivitiesByIdCheckins'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/activities/{id}/card-checkins': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 扫志愿者证签到/签退（或输入志愿者编号；报名与时间规则同扫码签到，不校验位置，留痕） */
    post: operations['postActivitiesByIdCardCheckins'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/activities/{id}/checkins.xlsx': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 导出签到表（Excel，不含手机号和身份证号） */
    get: operations['getActivitiesByIdCheckinsXlsx'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/checkin': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 扫码签到/签退（二维码、时间、报名、位置） */
    post: operations['postMeCheckin'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/activities/{id}/attendance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 确认参加（回复活动提醒） */
    post: operations['postMeActivitiesByIdAttendance'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/certificates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 本单位及下属单位出具的志愿服务记录证明 */
    get: operations['getCertificates'];
    put?: never;
    /** 为志愿者出具志愿服务记录证明（本单位名义，仅含本单位及下属单位组织的已确认服务） */
    post: operations['postCertificates'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/certificates/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 证明详情 */
    get: operations['getCertificatesById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/certificates/{id}/pdf': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 下载证明 (PDF) */
    get: operations['getCertificatesByIdPdf'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/certificates/{id}/revoke': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 撤销证明（须填写原因；核验页将显示已撤销） */
    post: operations['postCertificatesByIdRevoke'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/certificates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 我的志愿服务记录证明 */
    get: operations['getMeCertificates'];
    put?: never;
    /** 本人申请出具志愿服务记录证明（免费，由所在站点或其上级单位出具） */
    post: operations['postMeCertificates'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/certificates/{id}/pdf': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 下载我的证明 (PDF) */
    get: operations['getMeCertificatesByIdPdf'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/public/certificates/{serial}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 核验志愿服务记录证明（证明编号；无需登录） */
    get: operations['getPublicCertificatesBySerial'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/points/rules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 积分规则（全县规则与本地规则） */
    get: operations['getPointsRules'];
    put?: never;
    /** 新增积分规则（中心定全县规则，所/站在中心上限内加本地规则） */
    post: operations['postPointsRules'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/points/rules/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** 修改积分规则（新版本，不改已记的积分） */
    put: operations['putPointsRulesById'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/points/holders/{holderType}/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 积分账户：可用积分与终身积分 */
    get: operations['getPointsHoldersByHolderTypeById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/points/entries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 积分明细（可按账户、类型、日期筛选） */
    get: operations['getPointsEntries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/points/adjustments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 积分人工调整 */
    get: operations['getPointsAdjustments'];
    put?: never;
    /** 人工调整积分（须写明原因，超过阈值须另一位管理员确认） */
    post: operations['postPointsAdjustments'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/points/adjustments/{id}/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 确认积分调整（第二人） */
    post: operations['postPointsAdjustmentsByIdConfirm'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/points/adjustments/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 撤回待确认的积分调整 */
    post: operations['postPointsAdjustmentsByIdCancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/points': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 我的积分：可用积分、终身积分与积分明细 */
    get: operations['getMePoints'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/households': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 户籍登记（本单位及下级实践站的户，电话脱敏） */
    get: operations['getHouseholds'];
    put?: never;
    /** 登记一户（户号在本站唯一） */
    post: operations['postHouseholds'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/households/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 一户的登记、积分流水与积分记录 */
    get: operations['getHouseholdsById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** 修改户的登记（户号、户主、成员、电话、注销） */
    patch: operations['patchHouseholdsById'];
    trace?: never;
  };
  '/api/households/{id}/reveal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 查看户的完整联系电话（记审计） */
    post: operations['postHouseholdsByIdReveal'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/households/rules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 村规积分项（本单位的与上级单位的县级默认项） */
    get: operations['getHouseholdsRules'];
    put?: never;
    /** 新增村规积分项（中心所定为全县默认项） */
    post: operations['postHouseholdsRules'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/households/rules/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** 修改或停用村规积分项（不改动已记的积分） */
    patch: operations['patchHouseholdsRulesById'];
    trace?: never;
  };
  '/api/households/settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 实践站的积分榜显示方式与第二人确认分值 */
    get: operations['getHouseholdsSettings'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** 修改积分榜显示方式与第二人确认分值 */
    patch: operations['patchHouseholdsSettings'];
    trace?: never;
  };
  '/api/households/{id}/awards': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 给户记文明积分，须附积分凭证照片（表单：先 ruleId、note，后照片 file；超过确认分值的待另一人确认后记入） */
    post: operations['postHouseholdsByIdAwards'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/households/awards': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 户的积分记录（可按状态筛选，如待确认） */
    get: operations['getHouseholdsAwards'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/households/awards/{id}/photo': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 积分凭证照片 */
    get: operations['getHouseholdsAwardsByIdPhoto'];
    put?: never;
    /** 上传积分凭证照片（JPG、PNG、WEBP，表单字段 file） */
    post: operations['postHouseholdsAwardsByIdPhoto'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/households/awards/{id}/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 确认待确认的积分（须另一位工作人员），积分随即记入 */
    post: operations['postHouseholdsAwardsByIdConfirm'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/households/awards/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 驳回待确认的积分（须填原因，积分不记入） */
    post: operations['postHouseholdsAwardsByIdReject'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/households/awards/{id}/void': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 作废已记入的积分（须填原因，以一笔冲正流水扣回） */
    post: operations['postHouseholdsAwardsByIdVoid'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/public/household-board/{orgId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 村（社区）文明积分榜（无需登录；姓名按实践站的设置显示） */
    get: operations['getPublicHouseholdBoardByOrgId'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/household': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 本户的文明积分（与本账号关联的户） */
    get: operations['getMeHousehold'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/store/items': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 爱心超市兑换物品（本单位及下级） */
    get: operations['getStoreItems'];
    put?: never;
    /** 新增兑换物品 */
    post: operations['postStoreItems'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/store/items/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 兑换物品详情 */
    get: operations['getStoreItemsById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** 修改兑换物品（积分、库存、限兑、兑换期、上下架；改积分留痕） */
    patch: operations['patchStoreItemsById'];
    trace?: never;
  };
  '/api/store/items/{id}/photo': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 兑换物品照片 */
    get: operations['getStoreItemsByIdPhoto'];
    put?: never;
    /** 上传兑换物品照片（JPG、PNG、WEBP，表单字段 file） */
    post: operations['postStoreItemsByIdPhoto'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/store/redemptions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 积分兑换记录（本单位及下级的超市） */
    get: operations['getStoreRedemptions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/store/redemptions/lookup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 按取货码（6 位数字或扫码内容）查找待领取的兑换 */
    get: operations['getStoreRedemptionsLookup'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/store/redemptions/household': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 在柜台为一户兑换（按户号，扣该户的文明积分和库存，得到取货码） */
    post: operations['postStoreRedemptionsHousehold'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/store/redemptions/{id}/handover': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 兑换核销：发放物品（已领取的不能重复领取） */
    post: operations['postStoreRedemptionsByIdHandover'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/store/redemptions/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 取消待领取的兑换（退回积分和库存，须填原因） */
    post: operations['postStoreRedemptionsByIdCancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/store': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 我的积分与可兑换物品（本站及上级的爱心超市） */
    get: operations['getMeStore'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/store/redemptions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 我的兑换 */
    get: operations['getMeStoreRedemptions'];
    put?: never;
    /** 兑换一件物品（扣积分和库存，得到取货码） */
    post: operations['postMeStoreRedemptions'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/store/redemptions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 我的一条兑换（待领取时带取货码） */
    get: operations['getMeStoreRedemptionsById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/store/redemptions/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 取消我的兑换（领取前；退回积分） */
    post: operations['postMeStoreRedemptionsByIdCancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/household/store': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 本户积分与可兑换物品（本村及上级的爱心超市） */
    get: operations['getMeHouseholdStore'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/household/store/redemptions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 本户的兑换 */
    get: operations['getMeHouseholdStoreRedemptions'];
    put?: never;
    /** 为本户兑换一件物品（扣本户积分和库存，得到取货码） */
    post: operations['postMeHouseholdStoreRedemptions'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/household/store/redemptions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 本户的一条兑换（待领取时带取货码） */
    get: operations['getMeHouseholdStoreRedemptionsById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/household/store/redemptions/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 取消本户的兑换（领取前；退回积分） */
    post: operations['postMeHouseholdStoreRedemptionsByIdCancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/honours/rankings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 礼遇褒奖：年度时长榜与积分榜（本单位或所选下级单位） */
    get: operations['getHonoursRankings'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/honours/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 导出礼遇褒奖名单与党员积分参考 (Excel，脱敏) */
    get: operations['getHonoursExport'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/honours/milestones': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 时长里程碑：本单位或所选下级单位的志愿者在年度内累计服务时长首次达到星级时长（100/300/600/1000/1500 小时） */
    get: operations['getHonoursMilestones'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/honours/privileges': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 星级志愿者礼遇（本单位及下级） */
    get: operations['getHonoursPrivileges'];
    put?: never;
    /** 新增星级志愿者礼遇 */
    post: operations['postHonoursPrivileges'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/honours/privileges/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** 修改星级志愿者礼遇（名称、说明、星级、启用） */
    patch: operations['patchHonoursPrivilegesById'];
    trace?: never;
  };
  '/api/honours/my-privileges': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 我的星级与可享礼遇 */
    get: operations['getHonoursMyPrivileges'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/volunteer-card/privileges': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 我的志愿者电子证上的礼遇（本人星级已可享受的本站及上级单位礼遇） */
    get: operations['getMeVolunteerCardPrivileges'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/volunteers/{id}/card/privileges': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 打印的志愿者证上的礼遇（志愿者所在单位及上级单位的管理员） */
    get: operations['getVolunteersByIdCardPrivileges'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 工作任务：本单位及下级下达的，和下达给本单位及下级单位的（进度只计可见的单位） */
    get: operations['getTasks'];
    put?: never;
    /** 下达工作任务（所选单位，和/或所选单位下的全部实践站） */
    post: operations['postTasks'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/todo': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 本单位的任务待办（待上报、已退回、已逾期、待审核；或已办结） */
    get: operations['getTasksTodo'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/todo/counts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 任务待办数（角标）：本单位待上报、已逾期、即将到期，及待本单位审核的上报 */
    get: operations['getTasksTodoCounts'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 一项工作任务及其进度 */
    get: operations['getTasksById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/{id}/assignments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 各单位进度（状态、上报时间、得分），可按状态和单位名称筛选 */
    get: operations['getTasksByIdAssignments'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 撤回工作任务（填写原因，记审计） */
    post: operations['postTasksByIdCancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/assignments/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 一个单位的任务：要求、截止时间、上报记录与审核结果 */
    get: operations['getTasksAssignmentsById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/assignments/{id}/photos': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 为上报添加照片（JPG、PNG、WEBP，≤ 10 MB，表单字段 file） */
    post: operations['postTasksAssignmentsByIdPhotos'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/assignments/{id}/photos/{photoId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 查看上报的照片 */
    get: operations['getTasksAssignmentsByIdPhotosByPhotoId'];
    put?: never;
    post?: never;
    /** 移除一张尚未上报的照片 */
    delete: operations['deleteTasksAssignmentsByIdPhotosByPhotoId'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/assignments/{id}/reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 上报完成情况（说明、已上传的照片、链接；截止时间后须先由下达单位延期） */
    post: operations['postTasksAssignmentsByIdReports'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/assignments/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 审核通过并评分（任务设有满分时须评分） */
    post: operations['postTasksAssignmentsByIdApprove'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/assignments/{id}/return': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 退回上报（填写原因，可同时给出新的截止时间），单位重新上报 */
    post: operations['postTasksAssignmentsByIdReturn'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/assignments/{id}/extend': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 为一个单位延期（新的截止时间和原因，记审计） */
    post: operations['postTasksAssignmentsByIdExtend'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/publicity': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 宣传稿件：本单位及下级单位登记的（可按单位、级别、年份或起止日期、关键词筛选），发表日期新的在前 */
    get: operations['getPublicity'];
    put?: never;
    /** 登记宣传稿件（默认为本单位，也可为下级单位登记） */
    post: operations['postPublicity'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/publicity/summary': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 年度统计：各直属单位（含下级）、本级与合计的各级稿件数、对照定额（省级≥1、市级≥2、县级≥3）的差额与是否达标 */
    get: operations['getPublicitySummary'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/publicity/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 导出宣传稿件（Excel，筛选条件同列表） */
    get: operations['getPublicityExport'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/publicity/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 一篇宣传稿件 */
    get: operations['getPublicityById'];
    put?: never;
    post?: never;
    /** 删除宣传稿件（登记单位或其上级单位，记审计） */
    delete: operations['deletePublicityById'];
    options?: never;
    head?: never;
    /** 修改宣传稿件（登记单位或其上级单位） */
    patch: operations['patchPublicityById'];
    trace?: never;
  };
  '/api/publicity/{id}/screenshot': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 查看稿件截图 */
    get: operations['getPublicityByIdScreenshot'];
    put?: never;
    /** 上传或更换稿件截图（JPG、PNG、WEBP，≤ 5 MB，表单字段 file） */
    post: operations['postPublicityByIdScreenshot'];
    /** 删除稿件截图 */
    delete: operations['deletePublicityByIdScreenshot'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/trainings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 培训：本单位及下级单位的培训（可按单位、对象、状态、年度或日期、主题/授课人筛选），新的在前 */
    get: operations['getTrainings'];
    put?: never;
    /** 新建培训（默认本单位，或本单位子树中的单位） */
    post: operations['postTrainings'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/trainings/summary': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 年度培训统计：本级、各直属下级单位（含其下级）与合计的已举办次数（按对象）、参加人次，实践所是否达到每年 2 次 */
    get: operations['getTrainingsSummary'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/trainings/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 一次培训 */
    get: operations['getTrainingsById'];
    /** 修改计划中的培训 */
    put: operations['putTrainingsById'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/trainings/{id}/held': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 标记为已举办（开始之后；已举办的培训计入考核） */
    post: operations['postTrainingsByIdHeld'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/trainings/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 取消计划中的培训（填写原因） */
    post: operations['postTrainingsByIdCancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/trainings/{id}/other-attendees': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** 其他参加人数（非注册志愿者的工作人员；计划中或已举办的培训） */
    put: operations['putTrainingsByIdOtherAttendees'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/trainings/{id}/attendees': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 签到名单（志愿者编号、姓名、单位、脱敏手机号） */
    get: operations['getTrainingsByIdAttendees'];
    put?: never;
    /** 从志愿者名册添加参加人员（本单位数据范围内、状态正常的志愿者；已在名单中的跳过） */
    post: operations['postTrainingsByIdAttendees'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/trainings/{id}/attendees/{volunteerId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** 从签到名单移除一人 */
    delete: operations['deleteTrainingsByIdAttendeesByVolunteerId'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/trainings/{id}/materials': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 培训材料 */
    get: operations['getTrainingsByIdMaterials'];
    put?: never;
    /** 上传培训材料（JPG、PNG、WEBP 图片或 PDF，≤ 20 MB，表单字段 file） */
    post: operations['postTrainingsByIdMaterials'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/trainings/{id}/materials/{materialId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 下载培训材料 */
    get: operations['getTrainingsByIdMaterialsByMaterialId'];
    put?: never;
    post?: never;
    /** 删除培训材料 */
    delete: operations['deleteTrainingsByIdMaterialsByMaterialId'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/assessment/units': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 单位指标：本单位及各下级单位在所选期间的活动、时长、点单与评价（按日汇总） */
    get: operations['getAssessmentUnits'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/assessment/home': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 工作台：本单位本月至今的指标完成情况（所：各站并列；中心：各所并列）与在最近一期县通报中的名次 */
    get: operations['getAssessmentHome'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/assessment/indicators': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 考核指标：各类单位的指标、年度目标、权重与是否参与考核 */
    get: operations['getAssessmentIndicators'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/assessment/indicators/{kind}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** 设置一类单位的考核指标（县中心；参与考核的权重合计须为 100） */
    put: operations['putAssessmentIndicatorsByKind'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/assessment/report': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 实时考核报表：所选单位及其下属实践所、实践站在所选月/季/年的各项指标、得分与排名 */
    get: operations['getAssessmentReport'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/assessment/bulletins': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 已发布的通报（月通报、季调度、年总结） */
    get: operations['getAssessmentBulletins'];
    put?: never;
    /** 发布通报：将已结束期间的考核结果固化为不可更改的快照 */
    post: operations['postAssessmentBulletins'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/assessment/bulletins/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 一份通报（发布时的快照） */
    get: operations['getAssessmentBulletinsById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/assessment/bulletins/{id}/xlsx': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 导出通报 (Excel) */
    get: operations['getAssessmentBulletinsByIdXlsx'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/assessment/bulletins/{id}/pdf': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 导出通报 (PDF) */
    get: operations['getAssessmentBulletinsByIdPdf'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/assessment/bulletins/{id}/allocation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 奖补资金：按通报得分分配资金（县中心；分配结果与通报一同保存，不可更改） */
    post: operations['postAssessmentBulletinsByIdAllocation'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/assessment/rankings/volunteers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 实践排行：志愿者（按服务时长、服务点单数、平均评分或获得积分；整月期间） */
    get: operations['getAssessmentRankingsVolunteers'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/assessment/rankings/teams': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 实践排行：志愿服务队（按服务时长或开展活动数；整月期间） */
    get: operations['getAssessmentRankingsTeams'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/assessment/rankings/units': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 实践排行：实践站或实践所（按活动、时长、办结点单、按时办结率或平均评分） */
    get: operations['getAssessmentRankingsUnits'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/assessment/rankings/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 导出实践排行 (Excel) */
    get: operations['getAssessmentRankingsExport'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/public/rankings/volunteers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 公开的志愿者排行（无需登录；姓名脱敏，只列前 N 名） */
    get: operations['getPublicRankingsVolunteers'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/public/rankings/teams': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 公开的志愿服务队排行（无需登录，只列前 N 名） */
    get: operations['getPublicRankingsTeams'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/public/rankings/units': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 公开的实践站、实践所排行（无需登录，只列前 N 名） */
    get: operations['getPublicRankingsUnits'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/assessment/screen': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 数据大屏：本单位子树的总量、近 12 个月趋势、本月排行、最新点单（超时标红）、平台与活动形式分布、单位坐标 */
    get: operations['getAssessmentScreen'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    TeamTreeNode: {
      id: number;
      name: string;
      /** @enum {string} */
      tier: 'corps' | 'brigade' | 'squadron' | 'squad' | 'detachment';
      /** @enum {string} */
      kind: 'regular' | 'professional' | 'feature';
      orgName: string;
      memberCount: number;
      /** @enum {string} */
      status: 'active' | 'dissolved';
      children: components['schemas']['TeamTreeNode'][];
    };
    OrgTreeNode: {
      id: number;
      parentId: number | null;
      code: string;
      name: string;
      shortName: string;
      /** @enum {string} */
      kind: 'center' | 'institute' | 'station' | 'point' | 'post' | 'base';
      /** @enum {string} */
      status: 'active' | 'archived';
      children: components['schemas']['OrgTreeNode'][];
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  getHealth: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            status: 'ok';
            /** @enum {string} */
            db: 'ok';
          };
        };
      };
      /** @description Default Response */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            status: string;
            db: string;
          };
        };
      };
    };
  };
  getAuditLogs: {
    parameters: {
      query?: {
        actor?: string;
        action?: string;
        resourceType?: string;
        outcome?: 'success' | 'failure' | 'denied';
        from?: string;
        to?: string;
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              id: number;
              seq: number;
              occurredAt: string;
              actorUserId: number | null;
              actorUsername: string | null;
              actorName: string | null;
              actorRole: string | null;
              action: string;
              actionLabel: string;
              resourceType: string;
              resourceLabel: string;
              resourceId: string | null;
              resourceName: string | null;
              orgId: number | null;
              orgName: string | null;
              ip: string | null;
              outcome: string;
              summary: string;
              summaryText: string;
            }[];
            total: number;
          };
        };
      };
    };
  };
  getAuditLogsVerify: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            ok: boolean;
            /** @description 校验了内容哈希的记录数（全部记录） */
            checked: number;
            /** @description 其中已封存进批次的记录数 */
            sealed: number;
            /** @description 尚未封存的记录数（数秒内封存） */
            unsealed: number;
            firstBrokenSeq: number | null;
            reason: string | null;
          };
        };
      };
    };
  };
  getNotifications: {
    parameters: {
      query?: {
        unread?: 'true' | 'false';
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              id: number;
              kind: string;
              title: string;
              body: string | null;
              link: string | null;
              read: boolean;
              createdAt: string;
            }[];
            total: number;
            unread: number;
          };
        };
      };
    };
  };
  postNotificationsByIdRead: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {boolean} */
            ok: true;
          };
        };
      };
    };
  };
  getMeNotifications: {
    parameters: {
      query?: {
        unread?: 'true' | 'false';
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              id: number;
              kind: string;
              title: string;
              body: string | null;
              link: string | null;
              read: boolean;
              createdAt: string;
            }[];
            total: number;
            unread: number;
          };
        };
      };
    };
  };
  postMeNotificationsByIdRead: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {boolean} */
            ok: true;
          };
        };
      };
    };
  };
  postMeNotificationsReadAll: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            updated: number;
          };
        };
      };
    };
  };
  postAuthLogin: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          username: string;
          password: string;
          totp?: string;
          challenge?: {
            token: string;
            nonce: string;
          };
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            user: {
              id: number;
              username: string;
              displayName: string;
              /** @enum {string} */
              role:
                | 'center_admin'
                | 'institute_admin'
                | 'station_admin'
                | 'team_leader'
                | 'volunteer'
                | 'resident'
                | 'security_admin'
                | 'audit_admin';
              roleLabel: string;
              orgId: number;
              orgName: string;
              orgPath: string;
              teamId: number | null;
              teamName: string | null;
              permissions: string[];
              mustChangePassword: boolean;
              passwordExpired: boolean;
              totpEnabled: boolean;
              totpRequired: boolean;
            };
            csrfToken: string;
          };
        };
      };
    };
  };
  getAuthChallenge: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            token: string;
            difficulty: number;
            expiresAt: string;
          };
        };
      };
    };
  };
  postAuthLogout: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {boolean} */
            ok: true;
          };
        };
      };
    };
  };
  getAuthMe: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            user: {
              id: number;
              username: string;
              displayName: string;
              /** @enum {string} */
              role:
                | 'center_admin'
                | 'institute_admin'
                | 'station_admin'
                | 'team_leader'
                | 'volunteer'
                | 'resident'
                | 'security_admin'
                | 'audit_admin';
              roleLabel: string;
              orgId: number;
              orgName: string;
              orgPath: string;
              teamId: number | null;
              teamName: string | null;
              permissions: string[];
              mustChangePassword: boolean;
              passwordExpired: boolean;
              totpEnabled: boolean;
              totpRequired: boolean;
            };
            csrfToken: string;
          };
        };
      };
    };
  };
  postAuthPassword: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          oldPassword: string;
          newPassword: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {boolean} */
            ok: true;
          };
        };
      };
    };
  };
  postAuthTotpSetup: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            secret: string;
            otpauthUrl: string;
            qrDataUrl: string;
          };
        };
      };
    };
  };
  postAuthTotpEnable: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          code: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {boolean} */
            ok: true;
          };
        };
      };
    };
  };
  getRoles: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            role:
              | 'center_admin'
              | 'institute_admin'
              | 'station_admin'
              | 'team_leader'
              | 'volunteer'
              | 'resident'
              | 'security_admin'
              | 'audit_admin';
            label: string;
            permissions: string[];
            orgKinds: string[];
          }[];
        };
      };
    };
  };
  getUsers: {
    parameters: {
      query?: {
        keyword?: string;
        role?:
          | 'center_admin'
          | 'institute_admin'
          | 'station_admin'
          | 'team_leader'
          | 'volunteer'
          | 'resident'
          | 'security_admin'
          | 'audit_admin';
        orgId?: number;
        status?: 'active' | 'disabled' | 'pending';
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              id: number;
              username: string;
              displayName: string;
              phone: string | null;
              /** @enum {string} */
              role:
                | 'center_admin'
                | 'institute_admin'
                | 'station_admin'
                | 'team_leader'
                | 'volunteer'
                | 'resident'
                | 'security_admin'
                | 'audit_admin';
              roleLabel: string;
              orgId: number;
              orgName: string;
              teamId: number | null;
              teamName: string | null;
              /** @enum {string} */
              status: 'active' | 'disabled' | 'pending';
              /** @enum {string|null} */
              activationReason: 'create' | 'reset_password' | 'role_change' | null;
              activationRequestedBy: string | null;
              activationRequestedAt: string | null;
              locked: boolean;
              mustChangePassword: boolean;
              totpEnabled: boolean;
              lastLoginAt: string | null;
              createdAt: string;
            }[];
            total: number;
          };
        };
      };
    };
  };
  postUsers: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          username: string;
          displayName: string;
          phone?: string | null;
          /** @enum {string} */
          role:
            | 'center_admin'
            | 'institute_admin'
            | 'station_admin'
            | 'team_leader'
            | 'volunteer'
            | 'resident'
            | 'security_admin'
            | 'audit_admin';
          orgId: number;
          teamId?: number | null;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            user: {
              id: number;
              username: string;
              displayName: string;
              phone: string | null;
              /** @enum {string} */
              role:
                | 'center_admin'
                | 'institute_admin'
                | 'station_admin'
                | 'team_leader'
                | 'volunteer'
                | 'resident'
                | 'security_admin'
                | 'audit_admin';
              roleLabel: string;
              orgId: number;
              orgName: string;
              teamId: number | null;
              teamName: string | null;
              /** @enum {string} */
              status: 'active' | 'disabled' | 'pending';
              /** @enum {string|null} */
              activationReason: 'create' | 'reset_password' | 'role_change' | null;
              activationRequestedBy: string | null;
              activationRequestedAt: string | null;
              locked: boolean;
              mustChangePassword: boolean;
              totpEnabled: boolean;
              lastLoginAt: string | null;
              createdAt: string;
            };
            initialPassword: string;
          };
        };
      };
    };
  };
  getUsersTeamOptions: {
    parameters: {
      query: {
        orgId: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            name: string;
            tier: string;
          }[];
        };
      };
    };
  };
  patchUsersById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          displayName?: string;
          phone?: string | null;
          /** @enum {string} */
          role?:
            | 'center_admin'
            | 'institute_admin'
            | 'station_admin'
            | 'team_leader'
            | 'volunteer'
            | 'resident'
            | 'security_admin'
            | 'audit_admin';
          orgId?: number;
          teamId?: number | null;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            username: string;
            displayName: string;
            phone: string | null;
            /** @enum {string} */
            role:
              | 'center_admin'
              | 'institute_admin'
              | 'station_admin'
              | 'team_leader'
              | 'volunteer'
              | 'resident'
              | 'security_admin'
              | 'audit_admin';
            roleLabel: string;
            orgId: number;
            orgName: string;
            teamId: number | null;
            teamName: string | null;
            /** @enum {string} */
            status: 'active' | 'disabled' | 'pending';
            /** @enum {string|null} */
            activationReason: 'create' | 'reset_password' | 'role_change' | null;
            activationRequestedBy: string | null;
            activationRequestedAt: string | null;
            locked: boolean;
            mustChangePassword: boolean;
            totpEnabled: boolean;
            lastLoginAt: string | null;
            createdAt: string;
          };
        };
      };
    };
  };
  postUsersByIdResetPassword: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            initialPassword: string;
          };
        };
      };
    };
  };
  postUsersByIdUnlock: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            username: string;
            displayName: string;
            phone: string | null;
            /** @enum {string} */
            role:
              | 'center_admin'
              | 'institute_admin'
              | 'station_admin'
              | 'team_leader'
              | 'volunteer'
              | 'resident'
              | 'security_admin'
              | 'audit_admin';
            roleLabel: string;
            orgId: number;
            orgName: string;
            teamId: number | null;
            teamName: string | null;
            /** @enum {string} */
            status: 'active' | 'disabled' | 'pending';
            /** @enum {string|null} */
            activationReason: 'create' | 'reset_password' | 'role_change' | null;
            activationRequestedBy: string | null;
            activationRequestedAt: string | null;
            locked: boolean;
            mustChangePassword: boolean;
            totpEnabled: boolean;
            lastLoginAt: string | null;
            createdAt: string;
          };
        };
      };
    };
  };
  postUsersByIdDisable: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            username: string;
            displayName: string;
            phone: string | null;
            /** @enum {string} */
            role:
              | 'center_admin'
              | 'institute_admin'
              | 'station_admin'
              | 'team_leader'
              | 'volunteer'
              | 'resident'
              | 'security_admin'
              | 'audit_admin';
            roleLabel: string;
            orgId: number;
            orgName: string;
            teamId: number | null;
            teamName: string | null;
            /** @enum {string} */
            status: 'active' | 'disabled' | 'pending';
            /** @enum {string|null} */
            activationReason: 'create' | 'reset_password' | 'role_change' | null;
            activationRequestedBy: string | null;
            activationRequestedAt: string | null;
            locked: boolean;
            mustChangePassword: boolean;
            totpEnabled: boolean;
            lastLoginAt: string | null;
            createdAt: string;
          };
        };
      };
    };
  };
  postUsersByIdEnable: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            username: string;
            displayName: string;
            phone: string | null;
            /** @enum {string} */
            role:
              | 'center_admin'
              | 'institute_admin'
              | 'station_admin'
              | 'team_leader'
              | 'volunteer'
              | 'resident'
              | 'security_admin'
              | 'audit_admin';
            roleLabel: string;
            orgId: number;
            orgName: string;
            teamId: number | null;
            teamName: string | null;
            /** @enum {string} */
            status: 'active' | 'disabled' | 'pending';
            /** @enum {string|null} */
            activationReason: 'create' | 'reset_password' | 'role_change' | null;
            activationRequestedBy: string | null;
            activationRequestedAt: string | null;
            locked: boolean;
            mustChangePassword: boolean;
            totpEnabled: boolean;
            lastLoginAt: string | null;
            createdAt: string;
          };
        };
      };
    };
  };
  postUsersByIdResetTotp: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            username: string;
            displayName: string;
            phone: string | null;
            /** @enum {string} */
            role:
              | 'center_admin'
              | 'institute_admin'
              | 'station_admin'
              | 'team_leader'
              | 'volunteer'
              | 'resident'
              | 'security_admin'
              | 'audit_admin';
            roleLabel: string;
            orgId: number;
            orgName: string;
            teamId: number | null;
            teamName: string | null;
            /** @enum {string} */
            status: 'active' | 'disabled' | 'pending';
            /** @enum {string|null} */
            activationReason: 'create' | 'reset_password' | 'role_change' | null;
            activationRequestedBy: string | null;
            activationRequestedAt: string | null;
            locked: boolean;
            mustChangePassword: boolean;
            totpEnabled: boolean;
            lastLoginAt: string | null;
            createdAt: string;
          };
        };
      };
    };
  };
  getUsersPendingActivation: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              id: number;
              username: string;
              displayName: string;
              phone: string | null;
              /** @enum {string} */
              role:
                | 'center_admin'
                | 'institute_admin'
                | 'station_admin'
                | 'team_leader'
                | 'volunteer'
                | 'resident'
                | 'security_admin'
                | 'audit_admin';
              roleLabel: string;
              orgId: number;
              orgName: string;
              teamId: number | null;
              teamName: string | null;
              /** @enum {string} */
              status: 'active' | 'disabled' | 'pending';
              /** @enum {string|null} */
              activationReason: 'create' | 'reset_password' | 'role_change' | null;
              activationRequestedBy: string | null;
              activationRequestedAt: string | null;
              locked: boolean;
              mustChangePassword: boolean;
              totpEnabled: boolean;
              lastLoginAt: string | null;
              createdAt: string;
            }[];
            total: number;
          };
        };
      };
    };
  };
  postUsersByIdActivate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            username: string;
            displayName: string;
            phone: string | null;
            /** @enum {string} */
            role:
              | 'center_admin'
              | 'institute_admin'
              | 'station_admin'
              | 'team_leader'
              | 'volunteer'
              | 'resident'
              | 'security_admin'
              | 'audit_admin';
            roleLabel: string;
            orgId: number;
            orgName: string;
            teamId: number | null;
            teamName: string | null;
            /** @enum {string} */
            status: 'active' | 'disabled' | 'pending';
            /** @enum {string|null} */
            activationReason: 'create' | 'reset_password' | 'role_change' | null;
            activationRequestedBy: string | null;
            activationRequestedAt: string | null;
            locked: boolean;
            mustChangePassword: boolean;
            totpEnabled: boolean;
            lastLoginAt: string | null;
            createdAt: string;
          };
        };
      };
    };
  };
  postUploads: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            url: string;
          };
        };
      };
    };
  };
  getUploadsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description 图片内容（二进制） */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'image/jpeg': unknown;
          'image/png': unknown;
          'image/webp': unknown;
        };
      };
    };
  };
  getOrgsTree: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrgTreeNode'][];
        };
      };
    };
  };
  getOrgs: {
    parameters: {
      query?: {
        keyword?: string;
        kind?: 'center' | 'institute' | 'station' | 'point' | 'post' | 'base';
        parentId?: number;
        status?: 'active' | 'archived';
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              id: number;
              parentId: number | null;
              code: string;
              name: string;
              shortName: string;
              /** @enum {string} */
              kind: 'center' | 'institute' | 'station' | 'point' | 'post' | 'base';
              /** @enum {string} */
              status: 'active' | 'archived';
              path: string;
              depth: number;
              residentPopulation: number | null;
              address: string | null;
              latitude: number | null;
              longitude: number | null;
              headName: string | null;
              headTitle: string | null;
              deputyName: string | null;
              contactName: string | null;
              contactPhone: string | null;
              foundedOn: string | null;
              openingHours: string | null;
              creditCode: string | null;
              creditCodeOverride: boolean;
              childCount: number;
              createdAt: string;
              updatedAt: string;
            }[];
            total: number;
          };
        };
      };
    };
  };
  postOrgs: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          parentId: number;
          /** @enum {string} */
          kind: 'center' | 'institute' | 'station' | 'point' | 'post' | 'base';
          code: string;
          name: string;
          shortName?: string;
          residentPopulation?: number | null;
          address?: string | null;
          latitude?: number | null;
          longitude?: number | null;
          headName?: string | null;
          headTitle?: string | null;
          deputyName?: string | null;
          contactName?: string | null;
          contactPhone?: string | null;
          /** Format: date */
          foundedOn?: string | null;
          openingHours?: string | null;
          creditCode?: string | null;
          creditCodeOverride?: boolean;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            parentId: number | null;
            code: string;
            name: string;
            shortName: string;
            /** @enum {string} */
            kind: 'center' | 'institute' | 'station' | 'point' | 'post' | 'base';
            /** @enum {string} */
            status: 'active' | 'archived';
            path: string;
            depth: number;
            residentPopulation: number | null;
            address: string | null;
            latitude: number | null;
            longitude: number | null;
            headName: string | null;
            headTitle: string | null;
            deputyName: string | null;
            contactName: string | null;
            contactPhone: string | null;
            foundedOn: string | null;
            openingHours: string | null;
            creditCode: string | null;
            creditCodeOverride: boolean;
            childCount: number;
            createdAt: string;
            updatedAt: string;
          };
        };
      };
    };
  };
  getOrgsExport: {
    parameters: {
      query?: {
        keyword?: string;
        kind?: 'center' | 'institute' | 'station' | 'point' | 'post' | 'base';
        parentId?: number;
        status?: 'active' | 'archived';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  getOrgsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            parentId: number | null;
            code: string;
            name: string;
            shortName: string;
            /** @enum {string} */
            kind: 'center' | 'institute' | 'station' | 'point' | 'post' | 'base';
            /** @enum {string} */
            status: 'active' | 'archived';
            path: string;
            depth: number;
            residentPopulation: number | null;
            address: string | null;
            latitude: number | null;
            longitude: number | null;
            headName: string | null;
            headTitle: string | null;
            deputyName: string | null;
            contactName: string | null;
            contactPhone: string | null;
            foundedOn: string | null;
            openingHours: string | null;
            creditCode: string | null;
            creditCodeOverride: boolean;
            childCount: number;
            createdAt: string;
            updatedAt: string;
          };
        };
      };
    };
  };
  deleteOrgsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {boolean} */
            ok: true;
          };
        };
      };
    };
  };
  patchOrgsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name?: string;
          shortName?: string;
          residentPopulation?: number | null;
          address?: string | null;
          latitude?: number | null;
          longitude?: number | null;
          headName?: string | null;
          headTitle?: string | null;
          deputyName?: string | null;
          contactName?: string | null;
          contactPhone?: string | null;
          /** Format: date */
          foundedOn?: string | null;
          openingHours?: string | null;
          creditCode?: string | null;
          creditCodeOverride?: boolean;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            parentId: number | null;
            code: string;
            name: string;
            shortName: string;
            /** @enum {string} */
            kind: 'center' | 'institute' | 'station' | 'point' | 'post' | 'base';
            /** @enum {string} */
            status: 'active' | 'archived';
            path: string;
            depth: number;
            residentPopulation: number | null;
            address: string | null;
            latitude: number | null;
            longitude: number | null;
            headName: string | null;
            headTitle: string | null;
            deputyName: string | null;
            contactName: string | null;
            contactPhone: string | null;
            foundedOn: string | null;
            openingHours: string | null;
            creditCode: string | null;
            creditCodeOverride: boolean;
            childCount: number;
            createdAt: string;
            updatedAt: string;
          };
        };
      };
    };
  };
  postOrgsByIdMove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          parentId: number;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            parentId: number | null;
            code: string;
            name: string;
            shortName: string;
            /** @enum {string} */
            kind: 'center' | 'institute' | 'station' | 'point' | 'post' | 'base';
            /** @enum {string} */
            status: 'active' | 'archived';
            path: string;
            depth: number;
            residentPopulation: number | null;
            address: string | null;
            latitude: number | null;
            longitude: number | null;
            headName: string | null;
            headTitle: string | null;
            deputyName: string | null;
            contactName: string | null;
            contactPhone: string | null;
            foundedOn: string | null;
            openingHours: string | null;
            creditCode: string | null;
            creditCodeOverride: boolean;
            childCount: number;
            createdAt: string;
            updatedAt: string;
          };
        };
      };
    };
  };
  postOrgsByIdArchive: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            parentId: number | null;
            code: string;
            name: string;
            shortName: string;
            /** @enum {string} */
            kind: 'center' | 'institute' | 'station' | 'point' | 'post' | 'base';
            /** @enum {string} */
            status: 'active' | 'archived';
            path: string;
            depth: number;
            residentPopulation: number | null;
            address: string | null;
            latitude: number | null;
            longitude: number | null;
            headName: string | null;
            headTitle: string | null;
            deputyName: string | null;
            contactName: string | null;
            contactPhone: string | null;
            foundedOn: string | null;
            openingHours: string | null;
            creditCode: string | null;
            creditCodeOverride: boolean;
            childCount: number;
            createdAt: string;
            updatedAt: string;
          };
        };
      };
    };
  };
  postOrgsByIdRestore: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            parentId: number | null;
            code: string;
            name: string;
            shortName: string;
            /** @enum {string} */
            kind: 'center' | 'institute' | 'station' | 'point' | 'post' | 'base';
            /** @enum {string} */
            status: 'active' | 'archived';
            path: string;
            depth: number;
            residentPopulation: number | null;
            address: string | null;
            latitude: number | null;
            longitude: number | null;
            headName: string | null;
            headTitle: string | null;
            deputyName: string | null;
            contactName: string | null;
            contactPhone: string | null;
            foundedOn: string | null;
            openingHours: string | null;
            creditCode: string | null;
            creditCodeOverride: boolean;
            childCount: number;
            createdAt: string;
            updatedAt: string;
          };
        };
      };
    };
  };
  getPlatforms: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            /** @enum {string} */
            platform: 'theory' | 'education_sports' | 'culture_arts' | 'science' | 'health';
            name: string;
            leadUnit: string;
            contactName: string | null;
            contactPhone: string | null;
            description: string | null;
            editable: boolean;
          }[];
        };
      };
    };
  };
  patchPlatformsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          leadUnit?: string;
          contactName?: string | null;
          contactPhone?: string | null;
          description?: string | null;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            /** @enum {string} */
            platform: 'theory' | 'education_sports' | 'culture_arts' | 'science' | 'health';
            name: string;
            leadUnit: string;
            contactName: string | null;
            contactPhone: string | null;
            description: string | null;
            editable: boolean;
          };
        };
      };
    };
  };
  getSiteStandards: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            code: string;
            name: string;
            description: string | null;
            appliesTo: ('center' | 'institute' | 'station' | 'point' | 'post' | 'base')[];
            passScore: number;
            isPreset: boolean;
            /** @enum {string} */
            status: 'active' | 'archived';
            editable: boolean;
            inspections: number;
            items: {
              id: number;
              seq: number;
              title: string;
              description: string | null;
              weight: number;
            }[];
          }[];
        };
      };
    };
  };
  postSiteStandards: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          code: string;
          name: string;
          description?: string | null;
          appliesTo: ('center' | 'institute' | 'station' | 'point' | 'post' | 'base')[];
          passScore: number;
          items: {
            title: string;
            description?: string | null;
            weight: number;
          }[];
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            code: string;
            name: string;
            description: string | null;
            appliesTo: ('center' | 'institute' | 'station' | 'point' | 'post' | 'base')[];
            passScore: number;
            isPreset: boolean;
            /** @enum {string} */
            status: 'active' | 'archived';
            editable: boolean;
            inspections: number;
            items: {
              id: number;
              seq: number;
              title: string;
              description: string | null;
              weight: number;
            }[];
          };
        };
      };
    };
  };
  getSiteStandardsCoverage: {
    parameters: {
      query: {
        standardId: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            standardId: number;
            totalUnits: number;
            inspectedUnits: number;
            meetingUnits: number;
            rows: {
              orgId: number;
              orgName: string;
              totalUnits: number;
              inspectedUnits: number;
              meetingUnits: number;
            }[];
          };
        };
      };
    };
  };
  patchSiteStandardsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          code?: string;
          name?: string;
          description?: string | null;
          appliesTo?: ('center' | 'institute' | 'station' | 'point' | 'post' | 'base')[];
          passScore?: number;
          items?: {
            title: string;
            description?: string | null;
            weight: number;
          }[];
          /** @enum {string} */
          status?: 'active' | 'archived';
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            code: string;
            name: string;
            description: string | null;
            appliesTo: ('center' | 'institute' | 'station' | 'point' | 'post' | 'base')[];
            passScore: number;
            isPreset: boolean;
            /** @enum {string} */
            status: 'active' | 'archived';
            editable: boolean;
            inspections: number;
            items: {
              id: number;
              seq: number;
              title: string;
              description: string | null;
              weight: number;
            }[];
          };
        };
      };
    };
  };
  getInspections: {
    parameters: {
      query?: {
        orgId?: number;
        standardId?: number;
        passed?: 'true' | 'false';
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              id: number;
              orgId: number;
              orgName: string;
              standardId: number;
              standardName: string;
              score: number;
              passed: boolean;
              inspector: string;
              inspectedOn: string;
              createdAt: string;
            }[];
            total: number;
          };
        };
      };
    };
  };
  postInspections: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          orgId: number;
          standardId: number;
          inspector: string;
          /** Format: date */
          inspectedOn: string;
          note?: string | null;
          results: {
            itemId: number;
            passed: boolean;
            note?: string | null;
            photoIds?: string[];
          }[];
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            orgId: number;
            orgName: string;
            standardId: number;
            standardName: string;
            score: number;
            passed: boolean;
            inspector: string;
            inspectedOn: string;
            createdAt: string;
            note: string | null;
            results: {
              itemId: number | null;
              title: string;
              weight: number;
              passed: boolean;
              note: string | null;
              photos: {
                id: string;
                url: string;
              }[];
            }[];
          };
        };
      };
    };
  };
  getInspectionsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            orgId: number;
            orgName: string;
            standardId: number;
            standardName: string;
            score: number;
            passed: boolean;
            inspector: string;
            inspectedOn: string;
            createdAt: string;
            note: string | null;
            results: {
              itemId: number | null;
              title: string;
              weight: number;
              passed: boolean;
              note: string | null;
              photos: {
                id: string;
                url: string;
              }[];
            }[];
          };
        };
      };
    };
  };
  getTeamsTree: {
    parameters: {
      query?: {
        orgId?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TeamTreeNode'][];
        };
      };
    };
  };
  getTeams: {
    parameters: {
      query?: {
        keyword?: string;
        orgId?: number;
        tier?: 'corps' | 'brigade' | 'squadron' | 'squad' | 'detachment';
        kind?: 'regular' | 'professional' | 'feature';
        status?: 'active' | 'dissolved';
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              id: number;
              name: string;
              /** @enum {string} */
              tier: 'corps' | 'brigade' | 'squadron' | 'squad' | 'detachment';
              /** @enum {string} */
              kind: 'regular' | 'professional' | 'feature';
              orgId: number;
              orgName: string;
              parentId: number | null;
              parentName: string | null;
              /** @enum {string|null} */
              platform: 'theory' | 'education_sports' | 'culture_arts' | 'science' | 'health' | null;
              responsibleUnit: string | null;
              yearlyServiceTarget: number | null;
              serviceCategories: string[];
              leaderName: string | null;
              memberCount: number;
              pendingCount: number;
              acceptingApplications: boolean;
              /** @enum {string} */
              status: 'active' | 'dissolved';
            }[];
            total: number;
          };
        };
      };
    };
  };
  postTeams: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          orgId: number;
          parentId?: number | null;
          name: string;
          /** @enum {string} */
          tier: 'corps' | 'brigade' | 'squadron' | 'squad' | 'detachment';
          /** @enum {string} */
          kind: 'regular' | 'professional' | 'feature';
          /** @enum {string|null} */
          platform?: 'theory' | 'education_sports' | 'culture_arts' | 'science' | 'health' | null;
          responsibleUnit?: string | null;
          yearlyServiceTarget?: number | null;
          serviceCategories?: (
            | 'theory'
            | 'culture'
            | 'science'
            | 'law'
            | 'health'
            | 'elderly'
            | 'children'
            | 'disability'
            | 'environment'
            | 'traffic'
            | 'emergency'
            | 'education'
            | 'community'
            | 'poverty'
          )[];
          description?: string | null;
          /** Format: date */
          foundedOn?: string | null;
          acceptingApplications?: boolean;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            name: string;
            /** @enum {string} */
            tier: 'corps' | 'brigade' | 'squadron' | 'squad' | 'detachment';
            /** @enum {string} */
            kind: 'regular' | 'professional' | 'feature';
            orgId: number;
            orgName: string;
            parentId: number | null;
            parentName: string | null;
            /** @enum {string|null} */
            platform: 'theory' | 'education_sports' | 'culture_arts' | 'science' | 'health' | null;
            responsibleUnit: string | null;
            yearlyServiceTarget: number | null;
            serviceCategories: string[];
            leaderName: string | null;
            memberCount: number;
            pendingCount: number;
            acceptingApplications: boolean;
            /** @enum {string} */
            status: 'active' | 'dissolved';
            description: string | null;
            foundedOn: string | null;
            deputies: {
              volunteerId: number;
              name: string;
            }[];
            createdAt: string;
            updatedAt: string;
          };
        };
      };
    };
  };
  getTeamsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            name: string;
            /** @enum {string} */
            tier: 'corps' | 'brigade' | 'squadron' | 'squad' | 'detachment';
            /** @enum {string} */
            kind: 'regular' | 'professional' | 'feature';
            orgId: number;
            orgName: string;
            parentId: number | null;
            parentName: string | null;
            /** @enum {string|null} */
            platform: 'theory' | 'education_sports' | 'culture_arts' | 'science' | 'health' | null;
            responsibleUnit: string | null;
            yearlyServiceTarget: number | null;
            serviceCategories: string[];
            leaderName: string | null;
            memberCount: number;
            pendingCount: number;
            acceptingApplications: boolean;
            /** @enum {string} */
            status: 'active' | 'dissolved';
            description: string | null;
            foundedOn: string | null;
            deputies: {
              volunteerId: number;
              name: string;
            }[];
            createdAt: string;
            updatedAt: string;
          };
        };
      };
    };
  };
  patchTeamsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          parentId?: number | null;
          name?: string;
          /** @enum {string} */
          tier?: 'corps' | 'brigade' | 'squadron' | 'squad' | 'detachment';
          /** @enum {string} */
          kind?: 'regular' | 'professional' | 'feature';
          /** @enum {string|null} */
          platform?: 'theory' | 'education_sports' | 'culture_arts' | 'science' | 'health' | null;
          responsibleUnit?: string | null;
          yearlyServiceTarget?: number | null;
          serviceCategories?: (
            | 'theory'
            | 'culture'
            | 'science'
            | 'law'
            | 'health'
            | 'elderly'
            | 'children'
            | 'disability'
            | 'environment'
            | 'traffic'
            | 'emergency'
            | 'education'
            | 'community'
            | 'poverty'
          )[];
          description?: string | null;
          /** Format: date */
          foundedOn?: string | null;
          acceptingApplications?: boolean;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            name: string;
            /** @enum {string} */
            tier: 'corps' | 'brigade' | 'squadron' | 'squad' | 'detachment';
            /** @enum {string} */
            kind: 'regular' | 'professional' | 'feature';
            orgId: number;
            orgName: string;
            parentId: number | null;
            parentName: string | null;
            /** @enum {string|null} */
            platform: 'theory' | 'education_sports' | 'culture_arts' | 'science' | 'health' | null;
            responsibleUnit: string | null;
            yearlyServiceTarget: number | null;
            serviceCategories: string[];
            leaderName: string | null;
            memberCount: number;
            pendingCount: number;
            acceptingApplications: boolean;
            /** @enum {string} */
            status: 'active' | 'dissolved';
            description: string | null;
            foundedOn: string | null;
            deputies: {
              volunteerId: number;
              name: string;
            }[];
            createdAt: string;
            updatedAt: string;
          };
        };
      };
    };
  };
  postTeamsByIdDissolve: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            name: string;
            /** @enum {string} */
            tier: 'corps' | 'brigade' | 'squadron' | 'squad' | 'detachment';
            /** @enum {string} */
            kind: 'regular' | 'professional' | 'feature';
            orgId: number;
            orgName: string;
            parentId: number | null;
            parentName: string | null;
            /** @enum {string|null} */
            platform: 'theory' | 'education_sports' | 'culture_arts' | 'science' | 'health' | null;
            responsibleUnit: string | null;
            yearlyServiceTarget: number | null;
            serviceCategories: string[];
            leaderName: string | null;
            memberCount: number;
            pendingCount: number;
            acceptingApplications: boolean;
            /** @enum {string} */
            status: 'active' | 'dissolved';
            description: string | null;
            foundedOn: string | null;
            deputies: {
              volunteerId: number;
              name: string;
            }[];
            createdAt: string;
            updatedAt: string;
          };
        };
      };
    };
  };
  getTeamsByIdMembers: {
    parameters: {
      query?: {
        status?: 'pending' | 'active' | 'rejected' | 'left';
        role?: 'leader' | 'deputy' | 'member';
        keyword?: string;
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              id: number;
              teamId: number;
              volunteerId: number;
              volunteerNo: string;
              name: string;
              phone: string | null;
              orgName: string;
              /** @enum {string} */
              role: 'leader' | 'deputy' | 'member';
              /** @enum {string} */
              status: 'pending' | 'active' | 'rejected' | 'left';
              /** @enum {string} */
              source: 'admin' | 'application';
              applicationNote: string | null;
              decisionNote: string | null;
              appliedAt: string;
              joinedAt: string | null;
            }[];
            total: number;
          };
        };
      };
    };
  };
  postTeamsByIdMembers: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          volunteerIds: number[];
          /** @enum {string} */
          role?: 'leader' | 'deputy' | 'member';
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            added: number;
            skipped: number;
          };
        };
      };
    };
  };
  deleteTeamsByIdMembersByMemberId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
        memberId: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {boolean} */
            ok: true;
          };
        };
      };
    };
  };
  patchTeamsByIdMembersByMemberId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
        memberId: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @enum {string} */
          role: 'leader' | 'deputy' | 'member';
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            teamId: number;
            volunteerId: number;
            volunteerNo: string;
            name: string;
            phone: string | null;
            orgName: string;
            /** @enum {string} */
            role: 'leader' | 'deputy' | 'member';
            /** @enum {string} */
            status: 'pending' | 'active' | 'rejected' | 'left';
            /** @enum {string} */
            source: 'admin' | 'application';
            applicationNote: string | null;
            decisionNote: string | null;
            appliedAt: string;
            joinedAt: string | null;
          };
        };
      };
    };
  };
  postTeamsByIdMembersByMemberIdApprove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
        memberId: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          note?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            teamId: number;
            volunteerId: number;
            volunteerNo: string;
            name: string;
            phone: string | null;
            orgName: string;
            /** @enum {string} */
            role: 'leader' | 'deputy' | 'member';
            /** @enum {string} */
            status: 'pending' | 'active' | 'rejected' | 'left';
            /** @enum {string} */
            source: 'admin' | 'application';
            applicationNote: string | null;
            decisionNote: string | null;
            appliedAt: string;
            joinedAt: string | null;
          };
        };
      };
    };
  };
  postTeamsByIdMembersByMemberIdReject: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
        memberId: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          note?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            teamId: number;
            volunteerId: number;
            volunteerNo: string;
            name: string;
            phone: string | null;
            orgName: string;
            /** @enum {string} */
            role: 'leader' | 'deputy' | 'member';
            /** @enum {string} */
            status: 'pending' | 'active' | 'rejected' | 'left';
            /** @enum {string} */
            source: 'admin' | 'application';
            applicationNote: string | null;
            decisionNote: string | null;
            appliedAt: string;
            joinedAt: string | null;
          };
        };
      };
    };
  };
  getMeTeams: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            memberId: number;
            teamId: number;
            teamName: string;
            /** @enum {string} */
            tier: 'corps' | 'brigade' | 'squadron' | 'squad' | 'detachment';
            /** @enum {string} */
            kind: 'regular' | 'professional' | 'feature';
            orgName: string;
            /** @enum {string} */
            role: 'leader' | 'deputy' | 'member';
            /** @enum {string} */
            status: 'pending' | 'active' | 'rejected' | 'left';
            appliedAt: string;
            joinedAt: string | null;
            pendingApplications: number | null;
          }[];
        };
      };
    };
  };
  getMeTeamsAvailable: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            name: string;
            /** @enum {string} */
            tier: 'corps' | 'brigade' | 'squadron' | 'squad' | 'detachment';
            /** @enum {string} */
            kind: 'regular' | 'professional' | 'feature';
            orgId: number;
            orgName: string;
            parentId: number | null;
            parentName: string | null;
            /** @enum {string|null} */
            platform: 'theory' | 'education_sports' | 'culture_arts' | 'science' | 'health' | null;
            responsibleUnit: string | null;
            yearlyServiceTarget: number | null;
            serviceCategories: string[];
            leaderName: string | null;
            memberCount: number;
            pendingCount: number;
            acceptingApplications: boolean;
            /** @enum {string} */
            status: 'active' | 'dissolved';
          }[];
        };
      };
    };
  };
  postMeTeamsByTeamIdApply: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          note?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            memberId: number;
            /** @enum {string} */
            status: 'pending';
          };
        };
      };
    };
  };
  postMeTeamsByTeamIdLeave: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {boolean} */
            ok: true;
          };
        };
      };
    };
  };
  getMeTeamsByTeamIdApplications: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            teamId: number;
            volunteerId: number;
            volunteerNo: string;
            name: string;
            phone: string | null;
            orgName: string;
            /** @enum {string} */
            role: 'leader' | 'deputy' | 'member';
            /** @enum {string} */
            status: 'pending' | 'active' | 'rejected' | 'left';
            /** @enum {string} */
            source: 'admin' | 'application';
            applicationNote: string | null;
            decisionNote: string | null;
            appliedAt: string;
            joinedAt: string | null;
          }[];
        };
      };
    };
  };
  postMeTeamApplicationsByMemberIdApprove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        memberId: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          note?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            teamId: number;
            volunteerId: number;
            volunteerNo: string;
            name: string;
            phone: string | null;
            orgName: string;
            /** @enum {string} */
            role: 'leader' | 'deputy' | 'member';
            /** @enum {string} */
            status: 'pending' | 'active' | 'rejected' | 'left';
            /** @enum {string} */
            source: 'admin' | 'application';
            applicationNote: string | null;
            decisionNote: string | null;
            appliedAt: string;
            joinedAt: string | null;
          };
        };
      };
    };
  };
  postMeTeamApplicationsByMemberIdReject: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        memberId: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          note?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            teamId: number;
            volunteerId: number;
            volunteerNo: string;
            name: string;
            phone: string | null;
            orgName: string;
            /** @enum {string} */
            role: 'leader' | 'deputy' | 'member';
            /** @enum {string} */
            status: 'pending' | 'active' | 'rejected' | 'left';
            /** @enum {string} */
            source: 'admin' | 'application';
            applicationNote: string | null;
            decisionNote: string | null;
            appliedAt: string;
            joinedAt: string | null;
          };
        };
      };
    };
  };
  getPublicResidenceOrgs: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            name: string;
            children: {
              id: number;
              name: string;
            }[];
          }[];
        };
      };
    };
  };
  postVolunteersRegister: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: string;
          idNumber: string;
          phone: string;
          orgId: number;
          /** @enum {string} */
          politicalStatus:
            'party_member' | 'probationary_member' | 'league_member' | 'democratic_party' | 'masses';
          categories?: (
            | 'cadre'
            | 'veteran'
            | 'five_elders'
            | 'moral_model'
            | 'good_person'
            | 'sage'
            | 'arts'
            | 'college_student'
            | 'returnee'
            | 'other'
          )[];
          skills?: (
            | 'theory_lecture'
            | 'law'
            | 'medical'
            | 'psychology'
            | 'tutoring'
            | 'performance'
            | 'calligraphy'
            | 'photography'
            | 'sports'
            | 'agriculture'
            | 'tea'
            | 'computer'
            | 'driving'
            | 'repair'
            | 'haircut'
            | 'cooking'
            | 'first_aid'
            | 'sign_language'
            | 'elderly_care'
            | 'writing'
          )[];
          skillsNote?: string | null;
          serviceCategories?: (
            | 'theory'
            | 'culture'
            | 'science'
            | 'law'
            | 'health'
            | 'elderly'
            | 'children'
            | 'disability'
            | 'environment'
            | 'traffic'
            | 'emergency'
            | 'education'
            | 'community'
            | 'poverty'
          )[];
          availability?: ('weekdays' | 'weekends' | 'evenings')[];
          guardian?: {
            name: string;
            phone: string;
            consent: boolean;
          } | null;
          password: string;
          /** @enum {boolean} */
          privacyConsent: true;
          privacyVersion: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            user: {
              id: number;
              username: string;
              displayName: string;
              /** @enum {string} */
              role:
                | 'center_admin'
                | 'institute_admin'
                | 'station_admin'
                | 'team_leader'
                | 'volunteer'
                | 'resident'
                | 'security_admin'
                | 'audit_admin';
              roleLabel: string;
              orgId: number;
              orgName: string;
              orgPath: string;
              teamId: number | null;
              teamName: string | null;
              permissions: string[];
              mustChangePassword: boolean;
              passwordExpired: boolean;
              totpEnabled: boolean;
              totpRequired: boolean;
            };
            csrfToken: string;
            volunteer: {
              id: number;
              volunteerNo: string;
              name: string;
              /** @enum {string} */
              gender: 'male' | 'female';
              age: number | null;
              /** @enum {string} */
              ageRange:
                | 'under_14'
                | 'age_14_17'
                | 'age_18_29'
                | 'age_30_39'
                | 'age_40_49'
                | 'age_50_59'
                | 'age_60_69'
                | 'age_70_plus';
              birthDate: string | null;
              orgId: number;
              orgName: string;
              idNumber: string;
              phone: string | null;
              /** @enum {string} */
              politicalStatus:
                'party_member' | 'probationary_member' | 'league_member' | 'democratic_party' | 'masses';
              categories: string[];
              skills: string[];
              serviceCategories: string[];
              availability: string[];
              isMinor: boolean;
              /** @enum {string} */
              status: 'active' | 'suspended' | 'withdrawn';
              /** @enum {string} */
              source: 'self' | 'import' | 'admin';
              lifetimeHours: number;
              starLevel: number;
              teamCount: number;
              createdAt: string;
              orgPath: string;
              photoUrl: string | null;
              skillsNote: string | null;
              statusReason: string | null;
              hasAccount: boolean;
              guardian: {
                name: string;
                phone: string | null;
                consentAt: string | null;
              } | null;
              consent: {
                version: string;
                at: string;
                /** @enum {string} */
                channel: 'online' | 'offline';
                withdrawnAt: string | null;
                erasureRequestedAt: string | null;
              };
              hours: {
                lifetime: number;
                year: number;
                star: {
                  level: number;
                  nextThreshold: number | null;
                  hoursToNext: number | null;
                };
                party: {
                  required: number;
                  done: number;
                  remaining: number;
                  met: boolean;
                } | null;
              };
              teams: {
                memberId: number;
                teamId: number;
                teamName: string;
                /** @enum {string} */
                tier: 'corps' | 'brigade' | 'squadron' | 'squad' | 'detachment';
                /** @enum {string} */
                role: 'leader' | 'deputy' | 'member';
                /** @enum {string} */
                status: 'pending' | 'active' | 'rejected' | 'left';
              }[];
            };
          };
        };
      };
    };
  };
  getMeVolunteer: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            volunteerNo: string;
            name: string;
            /** @enum {string} */
            gender: 'male' | 'female';
            age: number | null;
            /** @enum {string} */
            ageRange:
              | 'under_14'
              | 'age_14_17'
              | 'age_18_29'
              | 'age_30_39'
              | 'age_40_49'
              | 'age_50_59'
              | 'age_60_69'
              | 'age_70_plus';
            birthDate: string | null;
            orgId: number;
            orgName: string;
            idNumber: string;
            phone: string | null;
            /** @enum {string} */
            politicalStatus:
              'party_member' | 'probationary_member' | 'league_member' | 'democratic_party' | 'masses';
            categories: string[];
            skills: string[];
            serviceCategories: string[];
            availability: string[];
            isMinor: boolean;
            /** @enum {string} */
            status: 'active' | 'suspended' | 'withdrawn';
            /** @enum {string} */
            source: 'self' | 'import' | 'admin';
            lifetimeHours: number;
            starLevel: number;
            teamCount: number;
            createdAt: string;
            orgPath: string;
            photoUrl: string | null;
            skillsNote: string | null;
            statusReason: string | null;
            hasAccount: boolean;
            guardian: {
              name: string;
              phone: string | null;
              consentAt: string | null;
            } | null;
            consent: {
              version: string;
              at: string;
              /** @enum {string} */
              channel: 'online' | 'offline';
              withdrawnAt: string | null;
              erasureRequestedAt: string | null;
            };
            hours: {
              lifetime: number;
              year: number;
              star: {
                level: number;
                nextThreshold: number | null;
                hoursToNext: number | null;
              };
              party: {
                required: number;
                done: number;
                remaining: number;
                met: boolean;
              } | null;
            };
            teams: {
              memberId: number;
              teamId: number;
              teamName: string;
              /** @enum {string} */
              tier: 'corps' | 'brigade' | 'squadron' | 'squad' | 'detachment';
              /** @enum {string} */
              role: 'leader' | 'deputy' | 'member';
              /** @enum {string} */
              status: 'pending' | 'active' | 'rejected' | 'left';
            }[];
          };
        };
      };
    };
  };
  patchMeVolunteer: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @enum {string} */
          politicalStatus?:
            'party_member' | 'probationary_member' | 'league_member' | 'democratic_party' | 'masses';
          categories?: (
            | 'cadre'
            | 'veteran'
            | 'five_elders'
            | 'moral_model'
            | 'good_person'
            | 'sage'
            | 'arts'
            | 'college_student'
            | 'returnee'
            | 'other'
          )[];
          skills?: (
            | 'theory_lecture'
            | 'law'
            | 'medical'
            | 'psychology'
            | 'tutoring'
            | 'performance'
            | 'calligraphy'
            | 'photography'
            | 'sports'
            | 'agriculture'
            | 'tea'
            | 'computer'
            | 'driving'
            | 'repair'
            | 'haircut'
            | 'cooking'
            | 'first_aid'
            | 'sign_language'
            | 'elderly_care'
            | 'writing'
          )[];
          skillsNote?: string | null;
          serviceCategories?: (
            | 'theory'
            | 'culture'
            | 'science'
            | 'law'
            | 'health'
            | 'elderly'
            | 'children'
            | 'disability'
            | 'environment'
            | 'traffic'
            | 'emergency'
            | 'education'
            | 'community'
            | 'poverty'
          )[];
          availability?: ('weekdays' | 'weekends' | 'evenings')[];
          phone?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            volunteerNo: string;
            name: string;
            /** @enum {string} */
            gender: 'male' | 'female';
            age: number | null;
            /** @enum {string} */
            ageRange:
              | 'under_14'
              | 'age_14_17'
              | 'age_18_29'
              | 'age_30_39'
              | 'age_40_49'
              | 'age_50_59'
              | 'age_60_69'
              | 'age_70_plus';
            birthDate: string | null;
            orgId: number;
            orgName: string;
            idNumber: string;
            phone: string | null;
            /** @enum {string} */
            politicalStatus:
              'party_member' | 'probationary_member' | 'league_member' | 'democratic_party' | 'masses';
            categories: string[];
            skills: string[];
            serviceCategories: string[];
            availability: string[];
            isMinor: boolean;
            /** @enum {string} */
            status: 'active' | 'suspended' | 'withdrawn';
            /** @enum {string} */
            source: 'self' | 'import' | 'admin';
            lifetimeHours: number;
            starLevel: number;
            teamCount: number;
            createdAt: string;
            orgPath: string;
            photoUrl: string | null;
            skillsNote: string | null;
            statusReason: string | null;
            hasAccount: boolean;
            guardian: {
              name: string;
              phone: string | null;
              consentAt: string | null;
            } | null;
            consent: {
              version: string;
              at: string;
              /** @enum {string} */
              channel: 'online' | 'offline';
              withdrawnAt: string | null;
              erasureRequestedAt: string | null;
            };
            hours: {
              lifetime: number;
              year: number;
              star: {
                level: number;
                nextThreshold: number | null;
                hoursToNext: number | null;
              };
              party: {
                required: number;
                done: number;
                remaining: number;
                met: boolean;
              } | null;
            };
            teams: {
              memberId: number;
              teamId: number;
              teamName: string;
              /** @enum {string} */
              tier: 'corps' | 'brigade' | 'squadron' | 'squad' | 'detachment';
              /** @enum {string} */
              role: 'leader' | 'deputy' | 'member';
              /** @enum {string} */
              status: 'pending' | 'active' | 'rejected' | 'left';
            }[];
          };
        };
      };
    };
  };
  postMeVolunteerWithdraw: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @default false */
          erase?: boolean;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {boolean} */
            ok: true;
          };
        };
      };
    };
  };
  getVolunteersImportTemplate: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  getVolunteersImports: {
    parameters: {
      query?: {
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              id: number;
              fileName: string;
              /** @enum {string} */
              status: 'validating' | 'validated' | 'importing' | 'done' | 'failed';
              /** @enum {string|null} */
              mode: 'all' | 'valid_only' | null;
              totalRows: number;
              processedRows: number;
              validRows: number;
              errorRows: number;
              importedRows: number;
              errors: {
                row: number;
                column: string | null;
                message: string;
              }[];
              failure: string | null;
              createdAt: string;
              finishedAt: string | null;
            }[];
            total: number;
          };
        };
      };
    };
  };
  postVolunteersImports: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            fileName: string;
            /** @enum {string} */
            status: 'validating' | 'validated' | 'importing' | 'done' | 'failed';
            /** @enum {string|null} */
            mode: 'all' | 'valid_only' | null;
            totalRows: number;
            processedRows: number;
            validRows: number;
            errorRows: number;
            importedRows: number;
            errors: {
              row: number;
              column: string | null;
              message: string;
            }[];
            failure: string | null;
            createdAt: string;
            finishedAt: string | null;
          };
        };
      };
    };
  };
  getVolunteersImportsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            fileName: string;
            /** @enum {string} */
            status: 'validating' | 'validated' | 'importing' | 'done' | 'failed';
            /** @enum {string|null} */
            mode: 'all' | 'valid_only' | null;
            totalRows: number;
            processedRows: number;
            validRows: number;
            errorRows: number;
            importedRows: number;
            errors: {
              row: number;
              column: string | null;
              message: string;
            }[];
            failure: string | null;
            createdAt: string;
            finishedAt: string | null;
          };
        };
      };
    };
  };
  postVolunteersImportsByIdCommit: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          validOnly: boolean;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            fileName: string;
            /** @enum {string} */
            status: 'validating' | 'validated' | 'importing' | 'done' | 'failed';
            /** @enum {string|null} */
            mode: 'all' | 'valid_only' | null;
            totalRows: number;
            processedRows: number;
            validRows: number;
            errorRows: number;
            importedRows: number;
            errors: {
              row: number;
              column: string | null;
              message: string;
            }[];
            failure: string | null;
            createdAt: string;
            finishedAt: string | null;
          };
        };
      };
    };
  };
  getVolunteersImportsByIdErrors: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  getVolunteers: {
    parameters: {
      query?: {
        keyword?: string;
        phoneTail?: string;
        skill?:
          | 'theory_lecture'
          | 'law'
          | 'medical'
          | 'psychology'
          | 'tutoring'
          | 'performance'
          | 'calligraphy'
          | 'photography'
          | 'sports'
          | 'agriculture'
          | 'tea'
          | 'computer'
          | 'driving'
          | 'repair'
          | 'haircut'
          | 'cooking'
          | 'first_aid'
          | 'sign_language'
          | 'elderly_care'
          | 'writing';
        category?:
          | 'cadre'
          | 'veteran'
          | 'five_elders'
          | 'moral_model'
          | 'good_person'
          | 'sage'
          | 'arts'
          | 'college_student'
          | 'returnee'
          | 'other';
        serviceCategory?:
          | 'theory'
          | 'culture'
          | 'science'
          | 'law'
          | 'health'
          | 'elderly'
          | 'children'
          | 'disability'
          | 'environment'
          | 'traffic'
          | 'emergency'
          | 'education'
          | 'community'
          | 'poverty';
        politicalStatus?:
          'party_member' | 'probationary_member' | 'league_member' | 'democratic_party' | 'masses';
        status?: 'active' | 'suspended' | 'withdrawn';
        starLevel?: number;
        teamId?: number;
        orgId?: number;
        isMinor?: 'true' | 'false';
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              id: number;
              volunteerNo: string;
              name: string;
              /** @enum {string} */
              gender: 'male' | 'female';
              age: number | null;
              /** @enum {string} */
              ageRange:
                | 'under_14'
                | 'age_14_17'
                | 'age_18_29'
                | 'age_30_39'
                | 'age_40_49'
                | 'age_50_59'
                | 'age_60_69'
                | 'age_70_plus';
              birthDate: string | null;
              orgId: number;
              orgName: string;
              idNumber: string;
              phone: string | null;
              /** @enum {string} */
              politicalStatus:
                'party_member' | 'probationary_member' | 'league_member' | 'democratic_party' | 'masses';
              categories: string[];
              skills: string[];
              serviceCategories: string[];
              availability: string[];
              isMinor: boolean;
              /** @enum {string} */
              status: 'active' | 'suspended' | 'withdrawn';
              /** @enum {string} */
              source: 'self' | 'import' | 'admin';
              lifetimeHours: number;
              starLevel: number;
              teamCount: number;
              createdAt: string;
            }[];
            total: number;
          };
        };
      };
    };
  };
  postVolunteers: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: string;
          idNumber: string;
          phone: string;
          orgId: number;
          /** @enum {string} */
          politicalStatus:
            'party_member' | 'probationary_member' | 'league_member' | 'democratic_party' | 'masses';
          categories?: (
            | 'cadre'
            | 'veteran'
            | 'five_elders'
            | 'moral_model'
            | 'good_person'
            | 'sage'
            | 'arts'
            | 'college_student'
            | 'returnee'
            | 'other'
          )[];
          skills?: (
            | 'theory_lecture'
            | 'law'
            | 'medical'
            | 'psychology'
            | 'tutoring'
            | 'performance'
            | 'calligraphy'
            | 'photography'
            | 'sports'
            | 'agriculture'
            | 'tea'
            | 'computer'
            | 'driving'
            | 'repair'
            | 'haircut'
            | 'cooking'
            | 'first_aid'
            | 'sign_language'
            | 'elderly_care'
            | 'writing'
          )[];
          skillsNote?: string | null;
          serviceCategories?: (
            | 'theory'
            | 'culture'
            | 'science'
            | 'law'
            | 'health'
            | 'elderly'
            | 'children'
            | 'disability'
            | 'environment'
            | 'traffic'
            | 'emergency'
            | 'education'
            | 'community'
            | 'poverty'
          )[];
          availability?: ('weekdays' | 'weekends' | 'evenings')[];
          guardian?: {
            name: string;
            phone: string;
            consent: boolean;
          } | null;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            volunteerNo: string;
            name: string;
            /** @enum {string} */
            gender: 'male' | 'female';
            age: number | null;
            /** @enum {string} */
            ageRange:
              | 'under_14'
              | 'age_14_17'
              | 'age_18_29'
              | 'age_30_39'
              | 'age_40_49'
              | 'age_50_59'
              | 'age_60_69'
              | 'age_70_plus';
            birthDate: string | null;
            orgId: number;
            orgName: string;
            idNumber: string;
            phone: string | null;
            /** @enum {string} */
            politicalStatus:
              'party_member' | 'probationary_member' | 'league_member' | 'democratic_party' | 'masses';
            categories: string[];
            skills: string[];
            serviceCategories: string[];
            availability: string[];
            isMinor: boolean;
            /** @enum {string} */
            status: 'active' | 'suspended' | 'withdrawn';
            /** @enum {string} */
            source: 'self' | 'import' | 'admin';
            lifetimeHours: number;
            starLevel: number;
            teamCount: number;
            createdAt: string;
            orgPath: string;
            photoUrl: string | null;
            skillsNote: string | null;
            statusReason: string | null;
            hasAccount: boolean;
            guardian: {
              name: string;
              phone: string | null;
              consentAt: string | null;
            } | null;
            consent: {
              version: string;
              at: string;
              /** @enum {string} */
              channel: 'online' | 'offline';
              withdrawnAt: string | null;
              erasureRequestedAt: string | null;
            };
            hours: {
              lifetime: number;
              year: number;
              star: {
                level: number;
                nextThreshold: number | null;
                hoursToNext: number | null;
              };
              party: {
                required: number;
                done: number;
                remaining: number;
                met: boolean;
              } | null;
            };
            teams: {
              memberId: number;
              teamId: number;
              teamName: string;
              /** @enum {string} */
              tier: 'corps' | 'brigade' | 'squadron' | 'squad' | 'detachment';
              /** @enum {string} */
              role: 'leader' | 'deputy' | 'member';
              /** @enum {string} */
              status: 'pending' | 'active' | 'rejected' | 'left';
            }[];
          };
        };
      };
    };
  };
  getVolunteersExport: {
    parameters: {
      query?: {
        keyword?: string;
        phoneTail?: string;
        skill?:
          | 'theory_lecture'
          | 'law'
          | 'medical'
          | 'psychology'
          | 'tutoring'
          | 'performance'
          | 'calligraphy'
          | 'photography'
          | 'sports'
          | 'agriculture'
          | 'tea'
          | 'computer'
          | 'driving'
          | 'repair'
          | 'haircut'
          | 'cooking'
          | 'first_aid'
          | 'sign_language'
          | 'elderly_care'
          | 'writing';
        category?:
          | 'cadre'
          | 'veteran'
          | 'five_elders'
          | 'moral_model'
          | 'good_person'
          | 'sage'
          | 'arts'
          | 'college_student'
          | 'returnee'
          | 'other';
        serviceCategory?:
          | 'theory'
          | 'culture'
          | 'science'
          | 'law'
          | 'health'
          | 'elderly'
          | 'children'
          | 'disability'
          | 'environment'
          | 'traffic'
          | 'emergency'
          | 'education'
          | 'community'
          | 'poverty';
        politicalStatus?:
          'party_member' | 'probationary_member' | 'league_member' | 'democratic_party' | 'masses';
        status?: 'active' | 'suspended' | 'withdrawn';
        starLevel?: number;
        teamId?: number;
        orgId?: number;
        isMinor?: 'true' | 'false';
        unmasked?: 'true' | 'false';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  getVolunteersById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            volunteerNo: string;
            name: string;
            /** @enum {string} */
            gender: 'male' | 'female';
            age: number | null;
            /** @enum {string} */
            ageRange:
              | 'under_14'
              | 'age_14_17'
              | 'age_18_29'
              | 'age_30_39'
              | 'age_40_49'
              | 'age_50_59'
              | 'age_60_69'
              | 'age_70_plus';
            birthDate: string | null;
            orgId: number;
            orgName: string;
            idNumber: string;
            phone: string | null;
            /** @enum {string} */
            politicalStatus:
              'party_member' | 'probationary_member' | 'league_member' | 'democratic_party' | 'masses';
            categories: string[];
            skills: string[];
            serviceCategories: string[];
            availability: string[];
            isMinor: boolean;
            /** @enum {string} */
            status: 'active' | 'suspended' | 'withdrawn';
            /** @enum {string} */
            source: 'self' | 'import' | 'admin';
            lifetimeHours: number;
            starLevel: number;
            teamCount: number;
            createdAt: string;
            orgPath: string;
            photoUrl: string | null;
            skillsNote: string | null;
            statusReason: string | null;
            hasAccount: boolean;
            guardian: {
              name: string;
              phone: string | null;
              consentAt: string | null;
            } | null;
            consent: {
              version: string;
              at: string;
              /** @enum {string} */
              channel: 'online' | 'offline';
              withdrawnAt: string | null;
              erasureRequestedAt: string | null;
            };
            hours: {
              lifetime: number;
              year: number;
              star: {
                level: number;
                nextThreshold: number | null;
                hoursToNext: number | null;
              };
              party: {
                required: number;
                done: number;
                remaining: number;
                met: boolean;
              } | null;
            };
            teams: {
              memberId: number;
              teamId: number;
              teamName: string;
              /** @enum {string} */
              tier: 'corps' | 'brigade' | 'squadron' | 'squad' | 'detachment';
              /** @enum {string} */
              role: 'leader' | 'deputy' | 'member';
              /** @enum {string} */
              status: 'pending' | 'active' | 'rejected' | 'left';
            }[];
          };
        };
      };
    };
  };
  patchVolunteersById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name?: string;
          idNumber?: string;
          phone?: string;
          orgId?: number;
          /** @enum {string} */
          politicalStatus?:
            'party_member' | 'probationary_member' | 'league_member' | 'democratic_party' | 'masses';
          categories?: (
            | 'cadre'
            | 'veteran'
            | 'five_elders'
            | 'moral_model'
            | 'good_person'
            | 'sage'
            | 'arts'
            | 'college_student'
            | 'returnee'
            | 'other'
          )[];
          skills?: (
            | 'theory_lecture'
            | 'law'
            | 'medical'
            | 'psychology'
            | 'tutoring'
            | 'performance'
            | 'calligraphy'
            | 'photography'
            | 'sports'
            | 'agriculture'
            | 'tea'
            | 'computer'
            | 'driving'
            | 'repair'
            | 'haircut'
            | 'cooking'
            | 'first_aid'
            | 'sign_language'
            | 'elderly_care'
            | 'writing'
          )[];
          skillsNote?: string | null;
          serviceCategories?: (
            | 'theory'
            | 'culture'
            | 'science'
            | 'law'
            | 'health'
            | 'elderly'
            | 'children'
            | 'disability'
            | 'environment'
            | 'traffic'
            | 'emergency'
            | 'education'
            | 'community'
            | 'poverty'
          )[];
          availability?: ('weekdays' | 'weekends' | 'evenings')[];
          guardian?: {
            name: string;
            phone: string;
            consent: boolean;
          } | null;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            volunteerNo: string;
            name: string;
            /** @enum {string} */
            gender: 'male' | 'female';
            age: number | null;
            /** @enum {string} */
            ageRange:
              | 'under_14'
              | 'age_14_17'
              | 'age_18_29'
              | 'age_30_39'
              | 'age_40_49'
              | 'age_50_59'
              | 'age_60_69'
              | 'age_70_plus';
            birthDate: string | null;
            orgId: number;
            orgName: string;
            idNumber: string;
            phone: string | null;
            /** @enum {string} */
            politicalStatus:
              'party_member' | 'probationary_member' | 'league_member' | 'democratic_party' | 'masses';
            categories: string[];
            skills: string[];
            serviceCategories: string[];
            availability: string[];
            isMinor: boolean;
            /** @enum {string} */
            status: 'active' | 'suspended' | 'withdrawn';
            /** @enum {string} */
            source: 'self' | 'import' | 'admin';
            lifetimeHours: number;
            starLevel: number;
            teamCount: number;
            createdAt: string;
            orgPath: string;
            photoUrl: string | null;
            skillsNote: string | null;
            statusReason: string | null;
            hasAccount: boolean;
            guardian: {
              name: string;
              phone: string | null;
              consentAt: string | null;
            } | null;
            consent: {
              version: string;
              at: string;
              /** @enum {string} */
              channel: 'online' | 'offline';
              withdrawnAt: string | null;
              erasureRequestedAt: string | null;
            };
            hours: {
              lifetime: number;
              year: number;
              star: {
                level: number;
                nextThreshold: number | null;
                hoursToNext: number | null;
              };
              party: {
                required: number;
                done: number;
                remaining: number;
                met: boolean;
              } | null;
            };
            teams: {
              memberId: number;
              teamId: number;
              teamName: string;
              /** @enum {string} */
              tier: 'corps' | 'brigade' | 'squadron' | 'squad' | 'detachment';
              /** @enum {string} */
              role: 'leader' | 'deputy' | 'member';
              /** @enum {string} */
              status: 'pending' | 'active' | 'rejected' | 'left';
            }[];
          };
        };
      };
    };
  };
  postVolunteersByIdSuspend: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          reason: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            volunteerNo: string;
            name: string;
            /** @enum {string} */
            gender: 'male' | 'female';
            age: number | null;
            /** @enum {string} */
            ageRange:
              | 'under_14'
              | 'age_14_17'
              | 'age_18_29'
              | 'age_30_39'
              | 'age_40_49'
              | 'age_50_59'
              | 'age_60_69'
              | 'age_70_plus';
            birthDate: string | null;
            orgId: number;
            orgName: string;
            idNumber: string;
            phone: string | null;
            /** @enum {string} */
            politicalStatus:
              'party_member' | 'probationary_member' | 'league_member' | 'democratic_party' | 'masses';
            categories: string[];
            skills: string[];
            serviceCategories: string[];
            availability: string[];
            isMinor: boolean;
            /** @enum {string} */
            status: 'active' | 'suspended' | 'withdrawn';
            /** @enum {string} */
            source: 'self' | 'import' | 'admin';
            lifetimeHours: number;
            starLevel: number;
            teamCount: number;
            createdAt: string;
            orgPath: string;
            photoUrl: string | null;
            skillsNote: string | null;
            statusReason: string | null;
            hasAccount: boolean;
            guardian: {
              name: string;
              phone: string | null;
              consentAt: string | null;
            } | null;
            consent: {
              version: string;
              at: string;
              /** @enum {string} */
              channel: 'online' | 'offline';
              withdrawnAt: string | null;
              erasureRequestedAt: string | null;
            };
            hours: {
              lifetime: number;
              year: number;
              star: {
                level: number;
                nextThreshold: number | null;
                hoursToNext: number | null;
              };
              party: {
                required: number;
                done: number;
                remaining: number;
                met: boolean;
              } | null;
            };
            teams: {
              memberId: number;
              teamId: number;
              teamName: string;
              /** @enum {string} */
              tier: 'corps' | 'brigade' | 'squadron' | 'squad' | 'detachment';
              /** @enum {string} */
              role: 'leader' | 'deputy' | 'member';
              /** @enum {string} */
              status: 'pending' | 'active' | 'rejected' | 'left';
            }[];
          };
        };
      };
    };
  };
  postVolunteersByIdReactivate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            volunteerNo: string;
            name: string;
            /** @enum {string} */
            gender: 'male' | 'female';
            age: number | null;
            /** @enum {string} */
            ageRange:
              | 'under_14'
              | 'age_14_17'
              | 'age_18_29'
              | 'age_30_39'
              | 'age_40_49'
              | 'age_50_59'
              | 'age_60_69'
              | 'age_70_plus';
            birthDate: string | null;
            orgId: number;
            orgName: string;
            idNumber: string;
            phone: string | null;
            /** @enum {string} */
            politicalStatus:
              'party_member' | 'probationary_member' | 'league_member' | 'democratic_party' | 'masses';
            categories: string[];
            skills: string[];
            serviceCategories: string[];
            availability: string[];
            isMinor: boolean;
            /** @enum {string} */
            status: 'active' | 'suspended' | 'withdrawn';
            /** @enum {string} */
            source: 'self' | 'import' | 'admin';
            lifetimeHours: number;
            starLevel: number;
            teamCount: number;
            createdAt: string;
            orgPath: string;
            photoUrl: string | null;
            skillsNote: string | null;
            statusReason: string | null;
            hasAccount: boolean;
            guardian: {
              name: string;
              phone: string | null;
              consentAt: string | null;
            } | null;
            consent: {
              version: string;
              at: string;
              /** @enum {string} */
              channel: 'online' | 'offline';
              withdrawnAt: string | null;
              erasureRequestedAt: string | null;
            };
            hours: {
              lifetime: number;
              year: number;
              star: {
                level: number;
                nextThreshold: number | null;
                hoursToNext: number | null;
              };
              party: {
                required: number;
                done: number;
                remaining: number;
                met: boolean;
              } | null;
            };
            teams: {
              memberId: number;
              teamId: number;
              teamName: string;
              /** @enum {string} */
              tier: 'corps' | 'brigade' | 'squadron' | 'squad' | 'detachment';
              /** @enum {string} */
              role: 'leader' | 'deputy' | 'member';
              /** @enum {string} */
              status: 'pending' | 'active' | 'rejected' | 'left';
            }[];
          };
        };
      };
    };
  };
  postVolunteersByIdReveal: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @enum {string} */
          field: 'idNumber' | 'phone' | 'guardianPhone';
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            value: string;
          };
        };
      };
    };
  };
  getVolunteersRejoinRequests: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              id: number;
              volunteerId: number;
              volunteerNo: string;
              name: string;
              orgName: string;
              phone: string;
              requestedAt: string;
              withdrawnAt: string | null;
              erasureRequested: boolean;
            }[];
            total: number;
          };
        };
      };
    };
  };
  postVolunteersRejoinRequestsByIdConfirm: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            volunteerNo: string;
            name: string;
            /** @enum {string} */
            gender: 'male' | 'female';
            age: number | null;
            /** @enum {string} */
            ageRange:
              | 'under_14'
              | 'age_14_17'
              | 'age_18_29'
              | 'age_30_39'
              | 'age_40_49'
              | 'age_50_59'
              | 'age_60_69'
              | 'age_70_plus';
            birthDate: string | null;
            orgId: number;
            orgName: string;
            idNumber: string;
            phone: string | null;
            /** @enum {string} */
            politicalStatus:
              'party_member' | 'probationary_member' | 'league_member' | 'democratic_party' | 'masses';
            categories: string[];
            skills: string[];
            serviceCategories: string[];
            availability: string[];
            isMinor: boolean;
            /** @enum {string} */
            status: 'active' | 'suspended' | 'withdrawn';
            /** @enum {string} */
            source: 'self' | 'import' | 'admin';
            lifetimeHours: number;
            starLevel: number;
            teamCount: number;
            createdAt: string;
            orgPath: string;
            photoUrl: string | null;
            skillsNote: string | null;
            statusReason: string | null;
            hasAccount: boolean;
            guardian: {
              name: string;
              phone: string | null;
              consentAt: string | null;
            } | null;
            consent: {
              version: string;
              at: string;
              /** @enum {string} */
              channel: 'online' | 'offline';
              withdrawnAt: string | null;
              erasureRequestedAt: string | null;
            };
            hours: {
              lifetime: number;
              year: number;
              star: {
                level: number;
                nextThreshold: number | null;
                hoursToNext: number | null;
              };
              party: {
                required: number;
                done: number;
                remaining: number;
                met: boolean;
              } | null;
            };
            teams: {
              memberId: number;
              teamId: number;
              teamName: string;
              /** @enum {string} */
              tier: 'corps' | 'brigade' | 'squadron' | 'squad' | 'detachment';
              /** @enum {string} */
              role: 'leader' | 'deputy' | 'member';
              /** @enum {string} */
              status: 'pending' | 'active' | 'rejected' | 'left';
            }[];
          };
        };
      };
    };
  };
  postVolunteersRejoinRequestsByIdReject: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {boolean} */
            ok: true;
          };
        };
      };
    };
  };
  getMeVolunteerCard: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            volunteerId: number;
            name: string;
            volunteerNo: string;
            orgName: string;
            starLevel: number;
            lifetimeHours: number;
            /** @enum {string} */
            status: 'active' | 'suspended' | 'withdrawn';
            cardVersion: number;
            photoUrl: string | null;
            token: string;
          };
        };
      };
    };
  };
  getVolunteersByIdCard: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            volunteerId: number;
            name: string;
            volunteerNo: string;
            orgName: string;
            starLevel: number;
            lifetimeHours: number;
            /** @enum {string} */
            status: 'active' | 'suspended' | 'withdrawn';
            cardVersion: number;
            photoUrl: string | null;
            token: string;
          };
        };
      };
    };
  };
  postVolunteersByIdCardReissue: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            volunteerId: number;
            name: string;
            volunteerNo: string;
            orgName: string;
            starLevel: number;
            lifetimeHours: number;
            /** @enum {string} */
            status: 'active' | 'suspended' | 'withdrawn';
            cardVersion: number;
            photoUrl: string | null;
            token: string;
          };
        };
      };
    };
  };
  postMeVolunteerCardPhoto: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            photoId: string;
            photoUrl: string;
          };
        };
      };
    };
  };
  getMeVolunteerCardPhotoByPhotoId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        photoId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description 图片内容（二进制） */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'image/jpeg': unknown;
          'image/png': unknown;
          'image/webp': unknown;
        };
      };
    };
  };
  postVolunteersByIdPhoto: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            photoId: string;
            photoUrl: string;
          };
        };
      };
    };
  };
  getVolunteersByIdPhotoByPhotoId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
        photoId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description 图片内容（二进制） */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'image/jpeg': unknown;
          'image/png': unknown;
          'image/webp': unknown;
        };
      };
    };
  };
  getProjects: {
    parameters: {
      query?: {
        keyword?: string;
        year?: number;
        platform?: 'theory' | 'education_sports' | 'culture_arts' | 'science' | 'health';
        status?: 'established' | 'recruiting' | 'implementing' | 'evaluating' | 'optimizing';
        orgId?: number;
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              id: number;
              name: string;
              year: number;
              /** @enum {string|null} */
              platform: 'theory' | 'education_sports' | 'culture_arts' | 'science' | 'health' | null;
              /** @enum {string|null} */
              serviceCategory:
                | 'theory'
                | 'culture'
                | 'science'
                | 'law'
                | 'health'
                | 'elderly'
                | 'children'
                | 'disability'
                | 'environment'
                | 'traffic'
                | 'emergency'
                | 'education'
                | 'community'
                | 'poverty'
                | null;
              ownerOrgId: number;
              ownerOrgName: string;
              responsibleTeamId: number | null;
              responsibleTeamName: string | null;
              responsibleUnit: string | null;
              yearlyTarget: number | null;
              /** @enum {string} */
              status: 'established' | 'recruiting' | 'implementing' | 'evaluating' | 'optimizing';
              copiedFromId: number | null;
              menuItemCount: number;
              editable: boolean;
            }[];
            total: number;
          };
        };
      };
    };
  };
  postProjects: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: string;
          year: number;
          /** @enum {string|null} */
          platform?: 'theory' | 'education_sports' | 'culture_arts' | 'science' | 'health' | null;
          /** @enum {string|null} */
          serviceCategory?:
            | 'theory'
            | 'culture'
            | 'science'
            | 'law'
            | 'health'
            | 'elderly'
            | 'children'
            | 'disability'
            | 'environment'
            | 'traffic'
            | 'emergency'
            | 'education'
            | 'community'
            | 'poverty'
            | null;
          responsibleTeamId?: number | null;
          responsibleUnit?: string | null;
          description?: string | null;
          targetGroups?: string | null;
          yearlyTarget?: number | null;
          ownerOrgId?: number;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            name: string;
            year: number;
            /** @enum {string|null} */
            platform: 'theory' | 'education_sports' | 'culture_arts' | 'science' | 'health' | null;
            /** @enum {string|null} */
            serviceCategory:
              | 'theory'
              | 'culture'
              | 'science'
              | 'law'
              | 'health'
              | 'elderly'
              | 'children'
              | 'disability'
              | 'environment'
              | 'traffic'
              | 'emergency'
              | 'education'
              | 'community'
              | 'poverty'
              | null;
            ownerOrgId: number;
            ownerOrgName: string;
            responsibleTeamId: number | null;
            responsibleTeamName: string | null;
            responsibleUnit: string | null;
            yearlyTarget: number | null;
            /** @enum {string} */
            status: 'established' | 'recruiting' | 'implementing' | 'evaluating' | 'optimizing';
            copiedFromId: number | null;
            menuItemCount: number;
            editable: boolean;
            description: string | null;
            targetGroups: string | null;
            history: {
              /** @enum {string|null} */
              fromStatus: 'established' | 'recruiting' | 'implementing' | 'evaluating' | 'optimizing' | null;
              /** @enum {string} */
              toStatus: 'established' | 'recruiting' | 'implementing' | 'evaluating' | 'optimizing';
              note: string | null;
              changedByName: string | null;
              changedAt: string;
            }[];
            createdAt: string;
            updatedAt: string;
          };
        };
      };
    };
  };
  getProjectsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            name: string;
            year: number;
            /** @enum {string|null} */
            platform: 'theory' | 'education_sports' | 'culture_arts' | 'science' | 'health' | null;
            /** @enum {string|null} */
            serviceCategory:
              | 'theory'
              | 'culture'
              | 'science'
              | 'law'
              | 'health'
              | 'elderly'
              | 'children'
              | 'disability'
              | 'environment'
              | 'traffic'
              | 'emergency'
              | 'education'
              | 'community'
              | 'poverty'
              | null;
            ownerOrgId: number;
            ownerOrgName: string;
            responsibleTeamId: number | null;
            responsibleTeamName: string | null;
            responsibleUnit: string | null;
            yearlyTarget: number | null;
            /** @enum {string} */
            status: 'established' | 'recruiting' | 'implementing' | 'evaluating' | 'optimizing';
            copiedFromId: number | null;
            menuItemCount: number;
            editable: boolean;
            description: string | null;
            targetGroups: string | null;
            history: {
              /** @enum {string|null} */
              fromStatus: 'established' | 'recruiting' | 'implementing' | 'evaluating' | 'optimizing' | null;
              /** @enum {string} */
              toStatus: 'established' | 'recruiting' | 'implementing' | 'evaluating' | 'optimizing';
              note: string | null;
              changedByName: string | null;
              changedAt: string;
            }[];
            createdAt: string;
            updatedAt: string;
          };
        };
      };
    };
  };
  patchProjectsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name?: string;
          year?: number;
          /** @enum {string|null} */
          platform?: 'theory' | 'education_sports' | 'culture_arts' | 'science' | 'health' | null;
          /** @enum {string|null} */
          serviceCategory?:
            | 'theory'
            | 'culture'
            | 'science'
            | 'law'
            | 'health'
            | 'elderly'
            | 'children'
            | 'disability'
            | 'environment'
            | 'traffic'
            | 'emergency'
            | 'education'
            | 'community'
            | 'poverty'
            | null;
          responsibleTeamId?: number | null;
          responsibleUnit?: string | null;
          description?: string | null;
          targetGroups?: string | null;
          yearlyTarget?: number | null;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            name: string;
            year: number;
            /** @enum {string|null} */
            platform: 'theory' | 'education_sports' | 'culture_arts' | 'science' | 'health' | null;
            /** @enum {string|null} */
            serviceCategory:
              | 'theory'
              | 'culture'
              | 'science'
              | 'law'
              | 'health'
              | 'elderly'
              | 'children'
              | 'disability'
              | 'environment'
              | 'traffic'
              | 'emergency'
              | 'education'
              | 'community'
              | 'poverty'
              | null;
            ownerOrgId: number;
            ownerOrgName: string;
            responsibleTeamId: number | null;
            responsibleTeamName: string | null;
            responsibleUnit: string | null;
            yearlyTarget: number | null;
            /** @enum {string} */
            status: 'established' | 'recruiting' | 'implementing' | 'evaluating' | 'optimizing';
            copiedFromId: number | null;
            menuItemCount: number;
            editable: boolean;
            description: string | null;
            targetGroups: string | null;
            history: {
              /** @enum {string|null} */
              fromStatus: 'established' | 'recruiting' | 'implementing' | 'evaluating' | 'optimizing' | null;
              /** @enum {string} */
              toStatus: 'established' | 'recruiting' | 'implementing' | 'evaluating' | 'optimizing';
              note: string | null;
              changedByName: string | null;
              changedAt: string;
            }[];
            createdAt: string;
            updatedAt: string;
          };
        };
      };
    };
  };
  postProjectsByIdStatus: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @enum {string} */
          status: 'established' | 'recruiting' | 'implementing' | 'evaluating' | 'optimizing';
          note?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            name: string;
            year: number;
            /** @enum {string|null} */
            platform: 'theory' | 'education_sports' | 'culture_arts' | 'science' | 'health' | null;
            /** @enum {string|null} */
            serviceCategory:
              | 'theory'
              | 'culture'
              | 'science'
              | 'law'
              | 'health'
              | 'elderly'
              | 'children'
              | 'disability'
              | 'environment'
              | 'traffic'
              | 'emergency'
              | 'education'
              | 'community'
              | 'poverty'
              | null;
            ownerOrgId: number;
            ownerOrgName: string;
            responsibleTeamId: number | null;
            responsibleTeamName: string | null;
            responsibleUnit: string | null;
            yearlyTarget: number | null;
            /** @enum {string} */
            status: 'established' | 'recruiting' | 'implementing' | 'evaluating' | 'optimizing';
            copiedFromId: number | null;
            menuItemCount: number;
            editable: boolean;
            description: string | null;
            targetGroups: string | null;
            history: {
              /** @enum {string|null} */
              fromStatus: 'established' | 'recruiting' | 'implementing' | 'evaluating' | 'optimizing' | null;
              /** @enum {string} */
              toStatus: 'established' | 'recruiting' | 'implementing' | 'evaluating' | 'optimizing';
              note: string | null;
              changedByName: string | null;
              changedAt: string;
            }[];
            createdAt: string;
            updatedAt: string;
          };
        };
      };
    };
  };
  postProjectsByIdCopy: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          year: number;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            name: string;
            year: number;
            /** @enum {string|null} */
            platform: 'theory' | 'education_sports' | 'culture_arts' | 'science' | 'health' | null;
            /** @enum {string|null} */
            serviceCategory:
              | 'theory'
              | 'culture'
              | 'science'
              | 'law'
              | 'health'
              | 'elderly'
              | 'children'
              | 'disability'
              | 'environment'
              | 'traffic'
              | 'emergency'
              | 'education'
              | 'community'
              | 'poverty'
              | null;
            ownerOrgId: number;
            ownerOrgName: string;
            responsibleTeamId: number | null;
            responsibleTeamName: string | null;
            responsibleUnit: string | null;
            yearlyTarget: number | null;
            /** @enum {string} */
            status: 'established' | 'recruiting' | 'implementing' | 'evaluating' | 'optimizing';
            copiedFromId: number | null;
            menuItemCount: number;
            editable: boolean;
            description: string | null;
            targetGroups: string | null;
            history: {
              /** @enum {string|null} */
              fromStatus: 'established' | 'recruiting' | 'implementing' | 'evaluating' | 'optimizing' | null;
              /** @enum {string} */
              toStatus: 'established' | 'recruiting' | 'implementing' | 'evaluating' | 'optimizing';
              note: string | null;
              changedByName: string | null;
              changedAt: string;
            }[];
            createdAt: string;
            updatedAt: string;
          };
        };
      };
    };
  };
  getMenuItems: {
    parameters: {
      query?: {
        keyword?: string;
        serviceCategory?:
          | 'theory'
          | 'culture'
          | 'science'
          | 'law'
          | 'health'
          | 'elderly'
          | 'children'
          | 'disability'
          | 'environment'
          | 'traffic'
          | 'emergency'
          | 'education'
          | 'community'
          | 'poverty';
        status?: 'published' | 'withdrawn';
        projectId?: number;
        orgId?: number;
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              id: number;
              title: string;
              /** @enum {string} */
              serviceCategory:
                | 'theory'
                | 'culture'
                | 'science'
                | 'law'
                | 'health'
                | 'elderly'
                | 'children'
                | 'disability'
                | 'environment'
                | 'traffic'
                | 'emergency'
                | 'education'
                | 'community'
                | 'poverty';
              skills: string[];
              description: string | null;
              projectId: number | null;
              projectName: string | null;
              ownerOrgId: number;
              ownerOrgName: string;
              areaOrgId: number;
              areaOrgName: string;
              typicalMinutes: number;
              volunteersNeeded: number;
              /** @enum {string} */
              status: 'published' | 'withdrawn';
              editable: boolean;
              createdAt: string;
              updatedAt: string;
            }[];
            total: number;
          };
        };
      };
    };
  };
  postMenuItems: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          projectId?: number | null;
          title: string;
          /** @enum {string} */
          serviceCategory:
            | 'theory'
            | 'culture'
            | 'science'
            | 'law'
            | 'health'
            | 'elderly'
            | 'children'
            | 'disability'
            | 'environment'
            | 'traffic'
            | 'emergency'
            | 'education'
            | 'community'
            | 'poverty';
          /** @default [] */
          skills?: (
            | 'theory_lecture'
            | 'law'
            | 'medical'
            | 'psychology'
            | 'tutoring'
            | 'performance'
            | 'calligraphy'
            | 'photography'
            | 'sports'
            | 'agriculture'
            | 'tea'
            | 'computer'
            | 'driving'
            | 'repair'
            | 'haircut'
            | 'cooking'
            | 'first_aid'
            | 'sign_language'
            | 'elderly_care'
            | 'writing'
          )[];
          description?: string | null;
          areaOrgId: number;
          typicalMinutes: number;
          /** @default 1 */
          volunteersNeeded?: number;
          ownerOrgId?: number;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            title: string;
            /** @enum {string} */
            serviceCategory:
              | 'theory'
              | 'culture'
              | 'science'
              | 'law'
              | 'health'
              | 'elderly'
              | 'children'
              | 'disability'
              | 'environment'
              | 'traffic'
              | 'emergency'
              | 'education'
              | 'community'
              | 'poverty';
            skills: string[];
            description: string | null;
            projectId: number | null;
            projectName: string | null;
            ownerOrgId: number;
            ownerOrgName: string;
            areaOrgId: number;
            areaOrgName: string;
            typicalMinutes: number;
            volunteersNeeded: number;
            /** @enum {string} */
            status: 'published' | 'withdrawn';
            editable: boolean;
            createdAt: string;
            updatedAt: string;
          };
        };
      };
    };
  };
  getMenuItemsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            title: string;
            /** @enum {string} */
            serviceCategory:
              | 'theory'
              | 'culture'
              | 'science'
              | 'law'
              | 'health'
              | 'elderly'
              | 'children'
              | 'disability'
              | 'environment'
              | 'traffic'
              | 'emergency'
              | 'education'
              | 'community'
              | 'poverty';
            skills: string[];
            description: string | null;
            projectId: number | null;
            projectName: string | null;
            ownerOrgId: number;
            ownerOrgName: string;
            areaOrgId: number;
            areaOrgName: string;
            typicalMinutes: number;
            volunteersNeeded: number;
            /** @enum {string} */
            status: 'published' | 'withdrawn';
            editable: boolean;
            createdAt: string;
            updatedAt: string;
          };
        };
      };
    };
  };
  patchMenuItemsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          projectId?: number | null;
          title?: string;
          /** @enum {string} */
          serviceCategory?:
            | 'theory'
            | 'culture'
            | 'science'
            | 'law'
            | 'health'
            | 'elderly'
            | 'children'
            | 'disability'
            | 'environment'
            | 'traffic'
            | 'emergency'
            | 'education'
            | 'community'
            | 'poverty';
          skills?: (
            | 'theory_lecture'
            | 'law'
            | 'medical'
            | 'psychology'
            | 'tutoring'
            | 'performance'
            | 'calligraphy'
            | 'photography'
            | 'sports'
            | 'agriculture'
            | 'tea'
            | 'computer'
            | 'driving'
            | 'repair'
            | 'haircut'
            | 'cooking'
            | 'first_aid'
            | 'sign_language'
            | 'elderly_care'
            | 'writing'
          )[];
          description?: string | null;
          areaOrgId?: number;
          typicalMinutes?: number;
          volunteersNeeded?: number;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            title: string;
            /** @enum {string} */
            serviceCategory:
              | 'theory'
              | 'culture'
              | 'science'
              | 'law'
              | 'health'
              | 'elderly'
              | 'children'
              | 'disability'
              | 'environment'
              | 'traffic'
              | 'emergency'
              | 'education'
              | 'community'
              | 'poverty';
            skills: string[];
            description: string | null;
            projectId: number | null;
            projectName: string | null;
            ownerOrgId: number;
            ownerOrgName: string;
            areaOrgId: number;
            areaOrgName: string;
            typicalMinutes: number;
            volunteersNeeded: number;
            /** @enum {string} */
            status: 'published' | 'withdrawn';
            editable: boolean;
            createdAt: string;
            updatedAt: string;
          };
        };
      };
    };
  };
  postMenuItemsByIdWithdraw: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            title: string;
            /** @enum {string} */
            serviceCategory:
              | 'theory'
              | 'culture'
              | 'science'
              | 'law'
              | 'health'
              | 'elderly'
              | 'children'
              | 'disability'
              | 'environment'
              | 'traffic'
              | 'emergency'
              | 'education'
              | 'community'
              | 'poverty';
            skills: string[];
            description: string | null;
            projectId: number | null;
            projectName: string | null;
            ownerOrgId: number;
            ownerOrgName: string;
            areaOrgId: number;
            areaOrgName: string;
            typicalMinutes: number;
            volunteersNeeded: number;
            /** @enum {string} */
            status: 'published' | 'withdrawn';
            editable: boolean;
            createdAt: string;
            updatedAt: string;
          };
        };
      };
    };
  };
  postMenuItemsByIdPublish: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            title: string;
            /** @enum {string} */
            serviceCategory:
              | 'theory'
              | 'culture'
              | 'science'
              | 'law'
              | 'health'
              | 'elderly'
              | 'children'
              | 'disability'
              | 'environment'
              | 'traffic'
              | 'emergency'
              | 'education'
              | 'community'
              | 'poverty';
            skills: string[];
            description: string | null;
            projectId: number | null;
            projectName: string | null;
            ownerOrgId: number;
            ownerOrgName: string;
            areaOrgId: number;
            areaOrgName: string;
            typicalMinutes: number;
            volunteersNeeded: number;
            /** @enum {string} */
            status: 'published' | 'withdrawn';
            editable: boolean;
            createdAt: string;
            updatedAt: string;
          };
        };
      };
    };
  };
  getPublicMenu: {
    parameters: {
      query: {
        orgId: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            orgId: number;
            orgName: string;
            items: {
              id: number;
              title: string;
              description: string | null;
              /** @enum {string} */
              serviceCategory:
                | 'theory'
                | 'culture'
                | 'science'
                | 'law'
                | 'health'
                | 'elderly'
                | 'children'
                | 'disability'
                | 'environment'
                | 'traffic'
                | 'emergency'
                | 'education'
                | 'community'
                | 'poverty';
              typicalMinutes: number;
              volunteersNeeded: number;
              ownerOrgName: string;
              projectName: string | null;
            }[];
          };
        };
      };
    };
  };
  getHourRulesEffective: {
    parameters: {
      query?: {
        orgId?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            orgId: number;
            stepMinutes: number;
            /** @enum {string} */
            rounding: 'down' | 'nearest' | 'up';
            own: boolean;
            setByOrgId: number | null;
            setByOrgName: string | null;
          };
        };
      };
    };
  };
  putHourRulesByOrgId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        orgId: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @enum {number} */
          stepMinutes: 1 | 6 | 15 | 30 | 60;
          /** @enum {string} */
          rounding: 'down' | 'nearest' | 'up';
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            orgId: number;
            stepMinutes: number;
            /** @enum {string} */
            rounding: 'down' | 'nearest' | 'up';
            own: boolean;
            setByOrgId: number | null;
            setByOrgName: string | null;
          };
        };
      };
    };
  };
  deleteHourRulesByOrgId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        orgId: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            orgId: number;
            stepMinutes: number;
            /** @enum {string} */
            rounding: 'down' | 'nearest' | 'up';
            own: boolean;
            setByOrgId: number | null;
            setByOrgName: string | null;
          };
        };
      };
    };
  };
  getServiceRecords: {
    parameters: {
      query?: {
        kind?: 'credit' | 'backfill' | 'manual' | 'opening' | 'self';
        source?: 'activity' | 'order' | 'manual' | 'opening' | 'self';
        keyword?: string;
        activityId?: number;
        orgId?: number;
        from?: string;
        to?: string;
        status?: 'pending' | 'confirmed' | 'rejected' | 'withdrawn';
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              id: number;
              volunteerId: number;
              volunteerName: string;
              volunteerNo: string;
              /** @enum {string} */
              source: 'activity' | 'order' | 'manual' | 'opening' | 'self';
              sourceId: number | null;
              sourceTitle: string;
              /** @enum {string} */
              kind: 'credit' | 'backfill' | 'manual' | 'opening' | 'self';
              /** @enum {string} */
              status: 'pending' | 'confirmed' | 'rejected' | 'withdrawn';
              hours: number;
              minutes: number;
              startedAt: string;
              endedAt: string;
              note: string | null;
              /** @enum {string|null} */
              origin: 'system' | 'register' | null;
              originName: string | null;
              place: string | null;
              rejectReason: string | null;
              createdAt: string;
              createdByName: string | null;
              reviewedAt: string | null;
              reviewedByName: string | null;
              maxHours: number;
              confirmable: boolean;
            }[];
            total: number;
          };
        };
      };
    };
  };
  getServiceRecordsCounts: {
    parameters: {
      query?: {
        kind?: 'credit' | 'backfill' | 'manual' | 'opening' | 'self';
        source?: 'activity' | 'order' | 'manual' | 'opening' | 'self';
        keyword?: string;
        activityId?: number;
        orgId?: number;
        from?: string;
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            pending: number;
            confirmed: number;
            rejected: number;
            withdrawn: number;
          };
        };
      };
    };
  };
  getServiceRecordsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            volunteerId: number;
            volunteerName: string;
            volunteerNo: string;
            /** @enum {string} */
            source: 'activity' | 'order' | 'manual' | 'opening' | 'self';
            sourceId: number | null;
            sourceTitle: string;
            /** @enum {string} */
            kind: 'credit' | 'backfill' | 'manual' | 'opening' | 'self';
            /** @enum {string} */
            status: 'pending' | 'confirmed' | 'rejected' | 'withdrawn';
            hours: number;
            minutes: number;
            startedAt: string;
            endedAt: string;
            note: string | null;
            /** @enum {string|null} */
            origin: 'system' | 'register' | null;
            originName: string | null;
            place: string | null;
            rejectReason: string | null;
            createdAt: string;
            createdByName: string | null;
            reviewedAt: string | null;
            reviewedByName: string | null;
            maxHours: number;
            confirmable: boolean;
            events: {
              id: number;
              /** @enum {string} */
              action: 'create' | 'confirm' | 'correct' | 'reject' | 'withdraw';
              fromHours: number | null;
              toHours: number | null;
              reason: string | null;
              actorName: string | null;
              createdAt: string;
            }[];
            evidenceUploadIds: string[];
          };
        };
      };
    };
  };
  postServiceRecordsConfirm: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          ids: number[];
          includeZeroHours?: boolean;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            confirmed: number;
          };
        };
      };
    };
  };
  postServiceRecordsByIdCorrect: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          hours: number;
          reason: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            volunteerId: number;
            volunteerName: string;
            volunteerNo: string;
            /** @enum {string} */
            source: 'activity' | 'order' | 'manual' | 'opening' | 'self';
            sourceId: number | null;
            sourceTitle: string;
            /** @enum {string} */
            kind: 'credit' | 'backfill' | 'manual' | 'opening' | 'self';
            /** @enum {string} */
            status: 'pending' | 'confirmed' | 'rejected' | 'withdrawn';
            hours: number;
            minutes: number;
            startedAt: string;
            endedAt: string;
            note: string | null;
            /** @enum {string|null} */
            origin: 'system' | 'register' | null;
            originName: string | null;
            place: string | null;
            rejectReason: string | null;
            createdAt: string;
            createdByName: string | null;
            reviewedAt: string | null;
            reviewedByName: string | null;
            maxHours: number;
            confirmable: boolean;
            events: {
              id: number;
              /** @enum {string} */
              action: 'create' | 'confirm' | 'correct' | 'reject' | 'withdraw';
              fromHours: number | null;
              toHours: number | null;
              reason: string | null;
              actorName: string | null;
              createdAt: string;
            }[];
            evidenceUploadIds: string[];
          };
        };
      };
    };
  };
  postServiceRecordsByIdReject: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          reason: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            volunteerId: number;
            volunteerName: string;
            volunteerNo: string;
            /** @enum {string} */
            source: 'activity' | 'order' | 'manual' | 'opening' | 'self';
            sourceId: number | null;
            sourceTitle: string;
            /** @enum {string} */
            kind: 'credit' | 'backfill' | 'manual' | 'opening' | 'self';
            /** @enum {string} */
            status: 'pending' | 'confirmed' | 'rejected' | 'withdrawn';
            hours: number;
            minutes: number;
            startedAt: string;
            endedAt: string;
            note: string | null;
            /** @enum {string|null} */
            origin: 'system' | 'register' | null;
            originName: string | null;
            place: string | null;
            rejectReason: string | null;
            createdAt: string;
            createdByName: string | null;
            reviewedAt: string | null;
            reviewedByName: string | null;
            maxHours: number;
            confirmable: boolean;
            events: {
              id: number;
              /** @enum {string} */
              action: 'create' | 'confirm' | 'correct' | 'reject' | 'withdraw';
              fromHours: number | null;
              toHours: number | null;
              reason: string | null;
              actorName: string | null;
              createdAt: string;
            }[];
            evidenceUploadIds: string[];
          };
        };
      };
    };
  };
  postServiceRecordsBackfill: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          activityId: number;
          volunteerId: number;
          hours: number;
          reason: string;
          evidenceUploadIds: string[];
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            volunteerId: number;
            volunteerName: string;
            volunteerNo: string;
            /** @enum {string} */
            source: 'activity' | 'order' | 'manual' | 'opening' | 'self';
            sourceId: number | null;
            sourceTitle: string;
            /** @enum {string} */
            kind: 'credit' | 'backfill' | 'manual' | 'opening' | 'self';
            /** @enum {string} */
            status: 'pending' | 'confirmed' | 'rejected' | 'withdrawn';
            hours: number;
            minutes: number;
            startedAt: string;
            endedAt: string;
            note: string | null;
            /** @enum {string|null} */
            origin: 'system' | 'register' | null;
            originName: string | null;
            place: string | null;
            rejectReason: string | null;
            createdAt: string;
            createdByName: string | null;
            reviewedAt: string | null;
            reviewedByName: string | null;
            maxHours: number;
            confirmable: boolean;
            events: {
              id: number;
              /** @enum {string} */
              action: 'create' | 'confirm' | 'correct' | 'reject' | 'withdraw';
              fromHours: number | null;
              toHours: number | null;
              reason: string | null;
              actorName: string | null;
              createdAt: string;
            }[];
            evidenceUploadIds: string[];
          };
        };
      };
    };
  };
  postServiceRecordsManual: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          volunteerId: number;
          /** Format: date-time */
          startedAt: string;
          /** Format: date-time */
          endedAt: string;
          description: string;
          evidenceUploadIds: string[];
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            volunteerId: number;
            volunteerName: string;
            volunteerNo: string;
            /** @enum {string} */
            source: 'activity' | 'order' | 'manual' | 'opening' | 'self';
            sourceId: number | null;
            sourceTitle: string;
            /** @enum {string} */
            kind: 'credit' | 'backfill' | 'manual' | 'opening' | 'self';
            /** @enum {string} */
            status: 'pending' | 'confirmed' | 'rejected' | 'withdrawn';
            hours: number;
            minutes: number;
            startedAt: string;
            endedAt: string;
            note: string | null;
            /** @enum {string|null} */
            origin: 'system' | 'register' | null;
            originName: string | null;
            place: string | null;
            rejectReason: string | null;
            createdAt: string;
            createdByName: string | null;
            reviewedAt: string | null;
            reviewedByName: string | null;
            maxHours: number;
            confirmable: boolean;
            events: {
              id: number;
              /** @enum {string} */
              action: 'create' | 'confirm' | 'correct' | 'reject' | 'withdraw';
              fromHours: number | null;
              toHours: number | null;
              reason: string | null;
              actorName: string | null;
              createdAt: string;
            }[];
            evidenceUploadIds: string[];
          };
        };
      };
    };
  };
  postServiceRecordsOpening: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          volunteerId: number;
          hours: number;
          /** @enum {string} */
          origin: 'system' | 'register';
          originName: string;
          /** Format: date */
          periodFrom: string;
          /** Format: date */
          periodTo: string;
          note?: string;
          evidenceUploadIds: string[];
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            volunteerId: number;
            volunteerName: string;
            volunteerNo: string;
            /** @enum {string} */
            source: 'activity' | 'order' | 'manual' | 'opening' | 'self';
            sourceId: number | null;
            sourceTitle: string;
            /** @enum {string} */
            kind: 'credit' | 'backfill' | 'manual' | 'opening' | 'self';
            /** @enum {string} */
            status: 'pending' | 'confirmed' | 'rejected' | 'withdrawn';
            hours: number;
            minutes: number;
            startedAt: string;
            endedAt: string;
            note: string | null;
            /** @enum {string|null} */
            origin: 'system' | 'register' | null;
            originName: string | null;
            place: string | null;
            rejectReason: string | null;
            createdAt: string;
            createdByName: string | null;
            reviewedAt: string | null;
            reviewedByName: string | null;
            maxHours: number;
            confirmable: boolean;
            events: {
              id: number;
              /** @enum {string} */
              action: 'create' | 'confirm' | 'correct' | 'reject' | 'withdraw';
              fromHours: number | null;
              toHours: number | null;
              reason: string | null;
              actorName: string | null;
              createdAt: string;
            }[];
            evidenceUploadIds: string[];
          };
        };
      };
    };
  };
  getServiceRecordsOpeningTemplate: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  postServiceRecordsOpeningImports: {
    parameters: {
      query: {
        mode: 'check' | 'import';
        evidence: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            mode: 'check' | 'import';
            rows: number;
            valid: number;
            hours: number;
            created: number;
            errors: {
              row: number;
              column: string | null;
              message: string;
            }[];
            moreErrors: number;
          };
        };
      };
    };
  };
  getMeServiceRecords: {
    parameters: {
      query?: {
        status?: 'pending' | 'confirmed' | 'rejected' | 'withdrawn';
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            totals: {
              lifetimeHours: number;
              openingHours: number;
              yearHours: number;
              pendingHours: number;
              starLevel: number;
            };
            items: {
              id: number;
              /** @enum {string} */
              source: 'activity' | 'order' | 'manual' | 'opening' | 'self';
              sourceTitle: string;
              /** @enum {string} */
              kind: 'credit' | 'backfill' | 'manual' | 'opening' | 'self';
              /** @enum {string} */
              status: 'pending' | 'confirmed' | 'rejected' | 'withdrawn';
              hours: number;
              minutes: number;
              startedAt: string;
              endedAt: string;
              rejectReason: string | null;
              /** @enum {string|null} */
              origin: 'system' | 'register' | null;
              originName: string | null;
              createdAt: string;
              reviewedAt: string | null;
            }[];
            total: number;
          };
        };
      };
    };
  };
  getMeTeamServiceRecords: {
    parameters: {
      query?: {
        status?: 'pending' | 'confirmed' | 'rejected';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              id: number;
              volunteerId: number;
              volunteerName: string;
              volunteerNo: string;
              /** @enum {string} */
              source: 'activity' | 'order' | 'manual' | 'opening' | 'self';
              sourceId: number | null;
              sourceTitle: string;
              /** @enum {string} */
              kind: 'credit' | 'backfill' | 'manual' | 'opening' | 'self';
              /** @enum {string} */
              status: 'pending' | 'confirmed' | 'rejected' | 'withdrawn';
              hours: number;
              minutes: number;
              startedAt: string;
              endedAt: string;
              note: string | null;
              /** @enum {string|null} */
              origin: 'system' | 'register' | null;
              originName: string | null;
              place: string | null;
              rejectReason: string | null;
              createdAt: string;
              createdByName: string | null;
              reviewedAt: string | null;
              reviewedByName: string | null;
              maxHours: number;
              confirmable: boolean;
            }[];
            total: number;
          };
        };
      };
    };
  };
  postMeTeamServiceRecordsConfirm: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          ids: number[];
          includeZeroHours?: boolean;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            confirmed: number;
          };
        };
      };
    };
  };
  getMeSelfLogs: {
    parameters: {
      query?: {
        status?: 'pending' | 'confirmed' | 'rejected' | 'withdrawn';
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              id: number;
              description: string;
              place: string;
              startedAt: string;
              endedAt: string;
              minutes: number;
              hours: number;
              /** @enum {string} */
              status: 'pending' | 'confirmed' | 'rejected' | 'withdrawn';
              rejectReason: string | null;
              photoCount: number;
              createdAt: string;
              reviewedAt: string | null;
            }[];
            total: number;
          };
        };
      };
    };
  };
  postMeSelfLogs: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          description: string;
          place: string;
          /** Format: date-time */
          startedAt: string;
          /** Format: date-time */
          endedAt: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            description: string;
            place: string;
            startedAt: string;
            endedAt: string;
            minutes: number;
            hours: number;
            /** @enum {string} */
            status: 'pending' | 'confirmed' | 'rejected' | 'withdrawn';
            rejectReason: string | null;
            photoCount: number;
            createdAt: string;
            reviewedAt: string | null;
          };
        };
      };
    };
  };
  postMeSelfLogsByIdWithdraw: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            description: string;
            place: string;
            startedAt: string;
            endedAt: string;
            minutes: number;
            hours: number;
            /** @enum {string} */
            status: 'pending' | 'confirmed' | 'rejected' | 'withdrawn';
            rejectReason: string | null;
            photoCount: number;
            createdAt: string;
            reviewedAt: string | null;
          };
        };
      };
    };
  };
  postMeSelfLogsByIdPhotos: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
          };
        };
      };
    };
  };
  postPublicOrders: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          stationId: number;
          menuItemId?: number | null;
          /** @enum {string} */
          serviceCategory?:
            | 'theory'
            | 'culture'
            | 'science'
            | 'law'
            | 'health'
            | 'elderly'
            | 'children'
            | 'disability'
            | 'environment'
            | 'traffic'
            | 'emergency'
            | 'education'
            | 'community'
            | 'poverty';
          description: string;
          address: string;
          contactName: string;
          contactPhone: string;
          /** Format: date-time */
          preferredAt?: string | null;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            orderNo: string;
            trackingToken: string;
            tracking: {
              orderNo: string;
              /** @enum {string} */
              status:
                | 'submitted'
                | 'accepted'
                | 'dispatched'
                | 'claimed'
                | 'in_service'
                | 'served'
                | 'closed'
                | 'rejected'
                | 'merged'
                | 'cancelled';
              serviceCategory: string;
              serviceTitle: string | null;
              description: string;
              createdAt: string;
              rejectReason: string | null;
              rating: number | null;
              ratingComment: string | null;
              canRate: boolean;
              canReopen: boolean;
              canCancel: boolean;
              photos: {
                id: string;
                url: string;
              }[];
              canAddPhotos: boolean;
              timeline: {
                action: string;
                toStatus: string | null;
                reason: string | null;
                at: string;
              }[];
            };
          };
        };
      };
    };
  };
  getPublicOrdersByToken: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        token: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            orderNo: string;
            /** @enum {string} */
            status:
              | 'submitted'
              | 'accepted'
              | 'dispatched'
              | 'claimed'
              | 'in_service'
              | 'served'
              | 'closed'
              | 'rejected'
              | 'merged'
              | 'cancelled';
            serviceCategory: string;
            serviceTitle: string | null;
            description: string;
            createdAt: string;
            rejectReason: string | null;
            rating: number | null;
            ratingComment: string | null;
            canRate: boolean;
            canReopen: boolean;
            canCancel: boolean;
            photos: {
              id: string;
              url: string;
            }[];
            canAddPhotos: boolean;
            timeline: {
              action: string;
              toStatus: string | null;
              reason: string | null;
              at: string;
            }[];
          };
        };
      };
    };
  };
  postPublicOrdersByTokenRate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        token: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          rating: number;
          comment?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            orderNo: string;
            /** @enum {string} */
            status:
              | 'submitted'
              | 'accepted'
              | 'dispatched'
              | 'claimed'
              | 'in_service'
              | 'served'
              | 'closed'
              | 'rejected'
              | 'merged'
              | 'cancelled';
            serviceCategory: string;
            serviceTitle: string | null;
            description: string;
            createdAt: string;
            rejectReason: string | null;
            rating: number | null;
            ratingComment: string | null;
            canRate: boolean;
            canReopen: boolean;
            canCancel: boolean;
            photos: {
              id: string;
              url: string;
            }[];
            canAddPhotos: boolean;
            timeline: {
              action: string;
              toStatus: string | null;
              reason: string | null;
              at: string;
            }[];
          };
        };
      };
    };
  };
  postPublicOrdersByTokenReopen: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        token: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          reason: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            orderNo: string;
            /** @enum {string} */
            status:
              | 'submitted'
              | 'accepted'
              | 'dispatched'
              | 'claimed'
              | 'in_service'
              | 'served'
              | 'closed'
              | 'rejected'
              | 'merged'
              | 'cancelled';
            serviceCategory: string;
            serviceTitle: string | null;
            description: string;
            createdAt: string;
            rejectReason: string | null;
            rating: number | null;
            ratingComment: string | null;
            canRate: boolean;
            canReopen: boolean;
            canCancel: boolean;
            photos: {
              id: string;
              url: string;
            }[];
            canAddPhotos: boolean;
            timeline: {
              action: string;
              toStatus: string | null;
              reason: string | null;
              at: string;
            }[];
          };
        };
      };
    };
  };
  postPublicOrdersByTokenCancel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        token: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          reason: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            orderNo: string;
            /** @enum {string} */
            status:
              | 'submitted'
              | 'accepted'
              | 'dispatched'
              | 'claimed'
              | 'in_service'
              | 'served'
              | 'closed'
              | 'rejected'
              | 'merged'
              | 'cancelled';
            serviceCategory: string;
            serviceTitle: string | null;
            description: string;
            createdAt: string;
            rejectReason: string | null;
            rating: number | null;
            ratingComment: string | null;
            canRate: boolean;
            canReopen: boolean;
            canCancel: boolean;
            photos: {
              id: string;
              url: string;
            }[];
            canAddPhotos: boolean;
            timeline: {
              action: string;
              toStatus: string | null;
              reason: string | null;
              at: string;
            }[];
          };
        };
      };
    };
  };
  getOrders: {
    parameters: {
      query?: {
        overdue?: 'true' | 'false';
        keyword?: string;
        orgId?: number;
        category?:
          | 'theory'
          | 'culture'
          | 'science'
          | 'law'
          | 'health'
          | 'elderly'
          | 'children'
          | 'disability'
          | 'environment'
          | 'traffic'
          | 'emergency'
          | 'education'
          | 'community'
          | 'poverty';
        channel?: 'online' | 'phone' | 'visit' | 'open311';
        from?: string;
        to?: string;
        status?:
          | 'submitted'
          | 'accepted'
          | 'dispatched'
          | 'claimed'
          | 'in_service'
          | 'served'
          | 'closed'
          | 'rejected'
          | 'merged'
          | 'cancelled';
        stage?: 'vet' | 'dispatch' | 'claim' | 'service' | 'review';
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              id: number;
              orderNo: string;
              /** @enum {string} */
              status:
                | 'submitted'
                | 'accepted'
                | 'dispatched'
                | 'claimed'
                | 'in_service'
                | 'served'
                | 'closed'
                | 'rejected'
                | 'merged'
                | 'cancelled';
              stageDueAt: string | null;
              overdue: boolean;
              escalationLevel: number;
              orgId: number;
              orgName: string;
              menuItemId: number | null;
              projectId: number | null;
              serviceCategory: string;
              skills: string[];
              description: string;
              address: string;
              contactName: string;
              contactPhone: string | null;
              /** @enum {string} */
              channel: 'online' | 'phone' | 'visit' | 'open311';
              preferredAt: string | null;
              agreedAt: string | null;
              /** @enum {string} */
              priority: 'normal' | 'urgent';
              volunteersNeeded: number;
              dispatchedOrgId: number | null;
              dispatchedTeamId: number | null;
              mergedIntoId: number | null;
              rejectReason: string | null;
              rating: number | null;
              ratingComment: string | null;
              evaluation: string | null;
              createdAt: string;
              closedAt: string | null;
            }[];
            total: number;
          };
        };
      };
    };
  };
  postOrders: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          stationId: number;
          menuItemId?: number | null;
          /** @enum {string} */
          serviceCategory?:
            | 'theory'
            | 'culture'
            | 'science'
            | 'law'
            | 'health'
            | 'elderly'
            | 'children'
            | 'disability'
            | 'environment'
            | 'traffic'
            | 'emergency'
            | 'education'
            | 'community'
            | 'poverty';
          description: string;
          address: string;
          contactName: string;
          contactPhone: string;
          /** Format: date-time */
          preferredAt?: string | null;
          /** @enum {string} */
          channel: 'phone' | 'visit';
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            trackingToken: string;
            order: {
              id: number;
              orderNo: string;
              /** @enum {string} */
              status:
                | 'submitted'
                | 'accepted'
                | 'dispatched'
                | 'claimed'
                | 'in_service'
                | 'served'
                | 'closed'
                | 'rejected'
                | 'merged'
                | 'cancelled';
              stageDueAt: string | null;
              overdue: boolean;
              escalationLevel: number;
              orgId: number;
              orgName: string;
              menuItemId: number | null;
              projectId: number | null;
              serviceCategory: string;
              skills: string[];
              description: string;
              address: string;
              contactName: string;
              contactPhone: string | null;
              /** @enum {string} */
              channel: 'online' | 'phone' | 'visit' | 'open311';
              preferredAt: string | null;
              agreedAt: string | null;
              /** @enum {string} */
              priority: 'normal' | 'urgent';
              volunteersNeeded: number;
              dispatchedOrgId: number | null;
              dispatchedTeamId: number | null;
              mergedIntoId: number | null;
              rejectReason: string | null;
              rating: number | null;
              ratingComment: string | null;
              evaluation: string | null;
              createdAt: string;
              closedAt: string | null;
              photos: string[];
              servicePhotos: string[];
              events: {
                action:
                  | (
                      | 'accept'
                      | 'reject'
                      | 'merge'
                      | 'cancel'
                      | 'dispatch'
                      | 'redispatch'
                      | 'claim'
                      | 'decline'
                      | 'start'
                      | 'finish'
                      | 'rate'
                      | 'evaluate'
                      | 'auto_close'
                      | 'reopen'
                    )
                  | string;
                fromStatus: string | null;
                toStatus: string | null;
                actorKind: string;
                actorName: string | null;
                reason: string | null;
                target: string | null;
                createdAt: string;
              }[];
              assignees: {
                volunteerId: number;
                name: string | null;
                status: string;
                claimedAt: string | null;
              }[];
            };
          };
        };
      };
    };
  };
  getOrdersCounts: {
    parameters: {
      query?: {
        overdue?: 'true' | 'false';
        keyword?: string;
        orgId?: number;
        category?:
          | 'theory'
          | 'culture'
          | 'science'
          | 'law'
          | 'health'
          | 'elderly'
          | 'children'
          | 'disability'
          | 'environment'
          | 'traffic'
          | 'emergency'
          | 'education'
          | 'community'
          | 'poverty';
        channel?: 'online' | 'phone' | 'visit' | 'open311';
        from?: string;
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            status:
              | 'submitted'
              | 'accepted'
              | 'dispatched'
              | 'claimed'
              | 'in_service'
              | 'served'
              | 'closed'
              | 'rejected'
              | 'merged'
              | 'cancelled';
            count: number;
            overdue: number;
          }[];
        };
      };
    };
  };
  getOrdersExport: {
    parameters: {
      query?: {
        overdue?: 'true' | 'false';
        keyword?: string;
        orgId?: number;
        category?:
          | 'theory'
          | 'culture'
          | 'science'
          | 'law'
          | 'health'
          | 'elderly'
          | 'children'
          | 'disability'
          | 'environment'
          | 'traffic'
          | 'emergency'
          | 'education'
          | 'community'
          | 'poverty';
        channel?: 'online' | 'phone' | 'visit' | 'open311';
        from?: string;
        to?: string;
        status?:
          | 'submitted'
          | 'accepted'
          | 'dispatched'
          | 'claimed'
          | 'in_service'
          | 'served'
          | 'closed'
          | 'rejected'
          | 'merged'
          | 'cancelled';
        stage?: 'vet' | 'dispatch' | 'claim' | 'service' | 'review';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  getOrdersDeadlines: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            vetWorkingDays: number;
            dispatchHours: number;
            claimHours: number;
            reviewDays: number;
            own: boolean;
          };
        };
      };
    };
  };
  putOrdersDeadlines: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          vetWorkingDays: number;
          dispatchHours: number;
          claimHours: number;
          reviewDays: number;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            vetWorkingDays: number;
            dispatchHours: number;
            claimHours: number;
            reviewDays: number;
            own: boolean;
          };
        };
      };
    };
  };
  getOrdersById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            orderNo: string;
            /** @enum {string} */
            status:
              | 'submitted'
              | 'accepted'
              | 'dispatched'
              | 'claimed'
              | 'in_service'
              | 'served'
              | 'closed'
              | 'rejected'
              | 'merged'
              | 'cancelled';
            stageDueAt: string | null;
            overdue: boolean;
            escalationLevel: number;
            orgId: number;
            orgName: string;
            menuItemId: number | null;
            projectId: number | null;
            serviceCategory: string;
            skills: string[];
            description: string;
            address: string;
            contactName: string;
            contactPhone: string | null;
            /** @enum {string} */
            channel: 'online' | 'phone' | 'visit' | 'open311';
            preferredAt: string | null;
            agreedAt: string | null;
            /** @enum {string} */
            priority: 'normal' | 'urgent';
            volunteersNeeded: number;
            dispatchedOrgId: number | null;
            dispatchedTeamId: number | null;
            mergedIntoId: number | null;
            rejectReason: string | null;
            rating: number | null;
            ratingComment: string | null;
            evaluation: string | null;
            createdAt: string;
            closedAt: string | null;
            photos: string[];
            servicePhotos: string[];
            events: {
              action:
                | (
                    | 'accept'
                    | 'reject'
                    | 'merge'
                    | 'cancel'
                    | 'dispatch'
                    | 'redispatch'
                    | 'claim'
                    | 'decline'
                    | 'start'
                    | 'finish'
                    | 'rate'
                    | 'evaluate'
                    | 'auto_close'
                    | 'reopen'
                  )
                | string;
              fromStatus: string | null;
              toStatus: string | null;
              actorKind: string;
              actorName: string | null;
              reason: string | null;
              target: string | null;
              createdAt: string;
            }[];
            assignees: {
              volunteerId: number;
              name: string | null;
              status: string;
              claimedAt: string | null;
            }[];
          };
        };
      };
    };
  };
  postOrdersByIdAccept: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @enum {string} */
          serviceCategory?:
            | 'theory'
            | 'culture'
            | 'science'
            | 'law'
            | 'health'
            | 'elderly'
            | 'children'
            | 'disability'
            | 'environment'
            | 'traffic'
            | 'emergency'
            | 'education'
            | 'community'
            | 'poverty';
          skills?: (
            | 'theory_lecture'
            | 'law'
            | 'medical'
            | 'psychology'
            | 'tutoring'
            | 'performance'
            | 'calligraphy'
            | 'photography'
            | 'sports'
            | 'agriculture'
            | 'tea'
            | 'computer'
            | 'driving'
            | 'repair'
            | 'haircut'
            | 'cooking'
            | 'first_aid'
            | 'sign_language'
            | 'elderly_care'
            | 'writing'
          )[];
          /** @enum {string} */
          priority?: 'normal' | 'urgent';
          projectId?: number | null;
          volunteersNeeded?: number;
          /** Format: date-time */
          agreedAt?: string | null;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            orderNo: string;
            /** @enum {string} */
            status:
              | 'submitted'
              | 'accepted'
              | 'dispatched'
              | 'claimed'
              | 'in_service'
              | 'served'
              | 'closed'
              | 'rejected'
              | 'merged'
              | 'cancelled';
            stageDueAt: string | null;
            overdue: boolean;
            escalationLevel: number;
            orgId: number;
            orgName: string;
            menuItemId: number | null;
            projectId: number | null;
            serviceCategory: string;
            skills: string[];
            description: string;
            address: string;
            contactName: string;
            contactPhone: string | null;
            /** @enum {string} */
            channel: 'online' | 'phone' | 'visit' | 'open311';
            preferredAt: string | null;
            agreedAt: string | null;
            /** @enum {string} */
            priority: 'normal' | 'urgent';
            volunteersNeeded: number;
            dispatchedOrgId: number | null;
            dispatchedTeamId: number | null;
            mergedIntoId: number | null;
            rejectReason: string | null;
            rating: number | null;
            ratingComment: string | null;
            evaluation: string | null;
            createdAt: string;
            closedAt: string | null;
            photos: string[];
            servicePhotos: string[];
            events: {
              action:
                | (
                    | 'accept'
                    | 'reject'
                    | 'merge'
                    | 'cancel'
                    | 'dispatch'
                    | 'redispatch'
                    | 'claim'
                    | 'decline'
                    | 'start'
                    | 'finish'
                    | 'rate'
                    | 'evaluate'
                    | 'auto_close'
                    | 'reopen'
                  )
                | string;
              fromStatus: string | null;
              toStatus: string | null;
              actorKind: string;
              actorName: string | null;
              reason: string | null;
              target: string | null;
              createdAt: string;
            }[];
            assignees: {
              volunteerId: number;
              name: string | null;
              status: string;
              claimedAt: string | null;
            }[];
          };
        };
      };
    };
  };
  postOrdersByIdReject: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          reason: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            orderNo: string;
            /** @enum {string} */
            status:
              | 'submitted'
              | 'accepted'
              | 'dispatched'
              | 'claimed'
              | 'in_service'
              | 'served'
              | 'closed'
              | 'rejected'
              | 'merged'
              | 'cancelled';
            stageDueAt: string | null;
            overdue: boolean;
            escalationLevel: number;
            orgId: number;
            orgName: string;
            menuItemId: number | null;
            projectId: number | null;
            serviceCategory: string;
            skills: string[];
            description: string;
            address: string;
            contactName: string;
            contactPhone: string | null;
            /** @enum {string} */
            channel: 'online' | 'phone' | 'visit' | 'open311';
            preferredAt: string | null;
            agreedAt: string | null;
            /** @enum {string} */
            priority: 'normal' | 'urgent';
            volunteersNeeded: number;
            dispatchedOrgId: number | null;
            dispatchedTeamId: number | null;
            mergedIntoId: number | null;
            rejectReason: string | null;
            rating: number | null;
            ratingComment: string | null;
            evaluation: string | null;
            createdAt: string;
            closedAt: string | null;
            photos: string[];
            servicePhotos: string[];
            events: {
              action:
                | (
                    | 'accept'
                    | 'reject'
                    | 'merge'
                    | 'cancel'
                    | 'dispatch'
                    | 'redispatch'
                    | 'claim'
                    | 'decline'
                    | 'start'
                    | 'finish'
                    | 'rate'
                    | 'evaluate'
                    | 'auto_close'
                    | 'reopen'
                  )
                | string;
              fromStatus: string | null;
              toStatus: string | null;
              actorKind: string;
              actorName: string | null;
              reason: string | null;
              target: string | null;
              createdAt: string;
            }[];
            assignees: {
              volunteerId: number;
              name: string | null;
              status: string;
              claimedAt: string | null;
            }[];
          };
        };
      };
    };
  };
  postOrdersByIdMerge: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          intoId: number;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            orderNo: string;
            /** @enum {string} */
            status:
              | 'submitted'
              | 'accepted'
              | 'dispatched'
              | 'claimed'
              | 'in_service'
              | 'served'
              | 'closed'
              | 'rejected'
              | 'merged'
              | 'cancelled';
            stageDueAt: string | null;
            overdue: boolean;
            escalationLevel: number;
            orgId: number;
            orgName: string;
            menuItemId: number | null;
            projectId: number | null;
            serviceCategory: string;
            skills: string[];
            description: string;
            address: string;
            contactName: string;
            contactPhone: string | null;
            /** @enum {string} */
            channel: 'online' | 'phone' | 'visit' | 'open311';
            preferredAt: string | null;
            agreedAt: string | null;
            /** @enum {string} */
            priority: 'normal' | 'urgent';
            volunteersNeeded: number;
            dispatchedOrgId: number | null;
            dispatchedTeamId: number | null;
            mergedIntoId: number | null;
            rejectReason: string | null;
            rating: number | null;
            ratingComment: string | null;
            evaluation: string | null;
            createdAt: string;
            closedAt: string | null;
            photos: string[];
            servicePhotos: string[];
            events: {
              action:
                | (
                    | 'accept'
                    | 'reject'
                    | 'merge'
                    | 'cancel'
                    | 'dispatch'
                    | 'redispatch'
                    | 'claim'
                    | 'decline'
                    | 'start'
                    | 'finish'
                    | 'rate'
                    | 'evaluate'
                    | 'auto_close'
                    | 'reopen'
                  )
                | string;
              fromStatus: string | null;
              toStatus: string | null;
              actorKind: string;
              actorName: string | null;
              reason: string | null;
              target: string | null;
              createdAt: string;
            }[];
            assignees: {
              volunteerId: number;
              name: string | null;
              status: string;
              claimedAt: string | null;
            }[];
          };
        };
      };
    };
  };
  postOrdersByIdCancel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          reason: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            orderNo: string;
            /** @enum {string} */
            status:
              | 'submitted'
              | 'accepted'
              | 'dispatched'
              | 'claimed'
              | 'in_service'
              | 'served'
              | 'closed'
              | 'rejected'
              | 'merged'
              | 'cancelled';
            stageDueAt: string | null;
            overdue: boolean;
            escalationLevel: number;
            orgId: number;
            orgName: string;
            menuItemId: number | null;
            projectId: number | null;
            serviceCategory: string;
            skills: string[];
            description: string;
            address: string;
            contactName: string;
            contactPhone: string | null;
            /** @enum {string} */
            channel: 'online' | 'phone' | 'visit' | 'open311';
            preferredAt: string | null;
            agreedAt: string | null;
            /** @enum {string} */
            priority: 'normal' | 'urgent';
            volunteersNeeded: number;
            dispatchedOrgId: number | null;
            dispatchedTeamId: number | null;
            mergedIntoId: number | null;
            rejectReason: string | null;
            rating: number | null;
            ratingComment: string | null;
            evaluation: string | null;
            createdAt: string;
            closedAt: string | null;
            photos: string[];
            servicePhotos: string[];
            events: {
              action:
                | (
                    | 'accept'
                    | 'reject'
                    | 'merge'
                    | 'cancel'
                    | 'dispatch'
                    | 'redispatch'
                    | 'claim'
                    | 'decline'
                    | 'start'
                    | 'finish'
                    | 'rate'
                    | 'evaluate'
                    | 'auto_close'
                    | 'reopen'
                  )
                | string;
              fromStatus: string | null;
              toStatus: string | null;
              actorKind: string;
              actorName: string | null;
              reason: string | null;
              target: string | null;
              createdAt: string;
            }[];
            assignees: {
              volunteerId: number;
              name: string | null;
              status: string;
              claimedAt: string | null;
            }[];
          };
        };
      };
    };
  };
  getOrdersByIdCandidates: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            name: string;
            score: number;
            distanceKm: number | null;
            reasons: string[];
          }[];
        };
      };
    };
  };
  postOrdersByIdDispatch: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          volunteerIds?: number[];
          teamId?: number;
          stationId?: number;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            orderNo: string;
            /** @enum {string} */
            status:
              | 'submitted'
              | 'accepted'
              | 'dispatched'
              | 'claimed'
              | 'in_service'
              | 'served'
              | 'closed'
              | 'rejected'
              | 'merged'
              | 'cancelled';
            stageDueAt: string | null;
            overdue: boolean;
            escalationLevel: number;
            orgId: number;
            orgName: string;
            menuItemId: number | null;
            projectId: number | null;
            serviceCategory: string;
            skills: string[];
            description: string;
            address: string;
            contactName: string;
            contactPhone: string | null;
            /** @enum {string} */
            channel: 'online' | 'phone' | 'visit' | 'open311';
            preferredAt: string | null;
            agreedAt: string | null;
            /** @enum {string} */
            priority: 'normal' | 'urgent';
            volunteersNeeded: number;
            dispatchedOrgId: number | null;
            dispatchedTeamId: number | null;
            mergedIntoId: number | null;
            rejectReason: string | null;
            rating: number | null;
            ratingComment: string | null;
            evaluation: string | null;
            createdAt: string;
            closedAt: string | null;
            photos: string[];
            servicePhotos: string[];
            events: {
              action:
                | (
                    | 'accept'
                    | 'reject'
                    | 'merge'
                    | 'cancel'
                    | 'dispatch'
                    | 'redispatch'
                    | 'claim'
                    | 'decline'
                    | 'start'
                    | 'finish'
                    | 'rate'
                    | 'evaluate'
                    | 'auto_close'
                    | 'reopen'
                  )
                | string;
              fromStatus: string | null;
              toStatus: string | null;
              actorKind: string;
              actorName: string | null;
              reason: string | null;
              target: string | null;
              createdAt: string;
            }[];
            assignees: {
              volunteerId: number;
              name: string | null;
              status: string;
              claimedAt: string | null;
            }[];
          };
        };
      };
    };
  };
  postOrdersByIdEvaluate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          evaluation: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            orderNo: string;
            /** @enum {string} */
            status:
              | 'submitted'
              | 'accepted'
              | 'dispatched'
              | 'claimed'
              | 'in_service'
              | 'served'
              | 'closed'
              | 'rejected'
              | 'merged'
              | 'cancelled';
            stageDueAt: string | null;
            overdue: boolean;
            escalationLevel: number;
            orgId: number;
            orgName: string;
            menuItemId: number | null;
            projectId: number | null;
            serviceCategory: string;
            skills: string[];
            description: string;
            address: string;
            contactName: string;
            contactPhone: string | null;
            /** @enum {string} */
            channel: 'online' | 'phone' | 'visit' | 'open311';
            preferredAt: string | null;
            agreedAt: string | null;
            /** @enum {string} */
            priority: 'normal' | 'urgent';
            volunteersNeeded: number;
            dispatchedOrgId: number | null;
            dispatchedTeamId: number | null;
            mergedIntoId: number | null;
            rejectReason: string | null;
            rating: number | null;
            ratingComment: string | null;
            evaluation: string | null;
            createdAt: string;
            closedAt: string | null;
            photos: string[];
            servicePhotos: string[];
            events: {
              action:
                | (
                    | 'accept'
                    | 'reject'
                    | 'merge'
                    | 'cancel'
                    | 'dispatch'
                    | 'redispatch'
                    | 'claim'
                    | 'decline'
                    | 'start'
                    | 'finish'
                    | 'rate'
                    | 'evaluate'
                    | 'auto_close'
                    | 'reopen'
                  )
                | string;
              fromStatus: string | null;
              toStatus: string | null;
              actorKind: string;
              actorName: string | null;
              reason: string | null;
              target: string | null;
              createdAt: string;
            }[];
            assignees: {
              volunteerId: number;
              name: string | null;
              status: string;
              claimedAt: string | null;
            }[];
          };
        };
      };
    };
  };
  getMeOrders: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            orderNo: string;
            /** @enum {string} */
            status:
              | 'submitted'
              | 'accepted'
              | 'dispatched'
              | 'claimed'
              | 'in_service'
              | 'served'
              | 'closed'
              | 'rejected'
              | 'merged'
              | 'cancelled';
            stageDueAt: string | null;
            overdue: boolean;
            escalationLevel: number;
            orgId: number;
            orgName: string;
            menuItemId: number | null;
            projectId: number | null;
            serviceCategory: string;
            skills: string[];
            description: string;
            address: string;
            contactName: string;
            contactPhone: string | null;
            /** @enum {string} */
            channel: 'online' | 'phone' | 'visit' | 'open311';
            preferredAt: string | null;
            agreedAt: string | null;
            /** @enum {string} */
            priority: 'normal' | 'urgent';
            volunteersNeeded: number;
            dispatchedOrgId: number | null;
            dispatchedTeamId: number | null;
            mergedIntoId: number | null;
            rejectReason: string | null;
            rating: number | null;
            ratingComment: string | null;
            evaluation: string | null;
            createdAt: string;
            closedAt: string | null;
            offerStatus: string;
            claimedAt: string | null;
            claimedCount: number;
          }[];
        };
      };
    };
  };
  postMeOrdersByIdClaim: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            orderNo: string;
            /** @enum {string} */
            status:
              | 'submitted'
              | 'accepted'
              | 'dispatched'
              | 'claimed'
              | 'in_service'
              | 'served'
              | 'closed'
              | 'rejected'
              | 'merged'
              | 'cancelled';
            stageDueAt: string | null;
            overdue: boolean;
            escalationLevel: number;
            orgId: number;
            orgName: string;
            menuItemId: number | null;
            projectId: number | null;
            serviceCategory: string;
            skills: string[];
            description: string;
            address: string;
            contactName: string;
            contactPhone: string | null;
            /** @enum {string} */
            channel: 'online' | 'phone' | 'visit' | 'open311';
            preferredAt: string | null;
            agreedAt: string | null;
            /** @enum {string} */
            priority: 'normal' | 'urgent';
            volunteersNeeded: number;
            dispatchedOrgId: number | null;
            dispatchedTeamId: number | null;
            mergedIntoId: number | null;
            rejectReason: string | null;
            rating: number | null;
            ratingComment: string | null;
            evaluation: string | null;
            createdAt: string;
            closedAt: string | null;
            photos: string[];
            servicePhotos: string[];
            events: {
              action:
                | (
                    | 'accept'
                    | 'reject'
                    | 'merge'
                    | 'cancel'
                    | 'dispatch'
                    | 'redispatch'
                    | 'claim'
                    | 'decline'
                    | 'start'
                    | 'finish'
                    | 'rate'
                    | 'evaluate'
                    | 'auto_close'
                    | 'reopen'
                  )
                | string;
              fromStatus: string | null;
              toStatus: string | null;
              actorKind: string;
              actorName: string | null;
              reason: string | null;
              target: string | null;
              createdAt: string;
            }[];
            assignees: {
              volunteerId: number;
              name: string | null;
              status: string;
              claimedAt: string | null;
            }[];
          };
        };
      };
    };
  };
  postMeOrdersByIdDecline: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          reason: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {boolean} */
            ok: true;
          };
        };
      };
    };
  };
  postMeOrdersByIdStart: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          latitude?: number;
          longitude?: number;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            orderNo: string;
            /** @enum {string} */
            status:
              | 'submitted'
              | 'accepted'
              | 'dispatched'
              | 'claimed'
              | 'in_service'
              | 'served'
              | 'closed'
              | 'rejected'
              | 'merged'
              | 'cancelled';
            stageDueAt: string | null;
            overdue: boolean;
            escalationLevel: number;
            orgId: number;
            orgName: string;
            menuItemId: number | null;
            projectId: number | null;
            serviceCategory: string;
            skills: string[];
            description: string;
            address: string;
            contactName: string;
            contactPhone: string | null;
            /** @enum {string} */
            channel: 'online' | 'phone' | 'visit' | 'open311';
            preferredAt: string | null;
            agreedAt: string | null;
            /** @enum {string} */
            priority: 'normal' | 'urgent';
            volunteersNeeded: number;
            dispatchedOrgId: number | null;
            dispatchedTeamId: number | null;
            mergedIntoId: number | null;
            rejectReason: string | null;
            rating: number | null;
            ratingComment: string | null;
            evaluation: string | null;
            createdAt: string;
            closedAt: string | null;
            photos: string[];
            servicePhotos: string[];
            events: {
              action:
                | (
                    | 'accept'
                    | 'reject'
                    | 'merge'
                    | 'cancel'
                    | 'dispatch'
                    | 'redispatch'
                    | 'claim'
                    | 'decline'
                    | 'start'
                    | 'finish'
                    | 'rate'
                    | 'evaluate'
                    | 'auto_close'
                    | 'reopen'
                  )
                | string;
              fromStatus: string | null;
              toStatus: string | null;
              actorKind: string;
              actorName: string | null;
              reason: string | null;
              target: string | null;
              createdAt: string;
            }[];
            assignees: {
              volunteerId: number;
              name: string | null;
              status: string;
              claimedAt: string | null;
            }[];
          };
        };
      };
    };
  };
  postMeOrdersByIdFinish: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          latitude?: number;
          longitude?: number;
          note: string;
          photoIds?: string[];
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            orderNo: string;
            /** @enum {string} */
            status:
              | 'submitted'
              | 'accepted'
              | 'dispatched'
              | 'claimed'
              | 'in_service'
              | 'served'
              | 'closed'
              | 'rejected'
              | 'merged'
              | 'cancelled';
            stageDueAt: string | null;
            overdue: boolean;
            escalationLevel: number;
            orgId: number;
            orgName: string;
            menuItemId: number | null;
            projectId: number | null;
            serviceCategory: string;
            skills: string[];
            description: string;
            address: string;
            contactName: string;
            contactPhone: string | null;
            /** @enum {string} */
            channel: 'online' | 'phone' | 'visit' | 'open311';
            preferredAt: string | null;
            agreedAt: string | null;
            /** @enum {string} */
            priority: 'normal' | 'urgent';
            volunteersNeeded: number;
            dispatchedOrgId: number | null;
            dispatchedTeamId: number | null;
            mergedIntoId: number | null;
            rejectReason: string | null;
            rating: number | null;
            ratingComment: string | null;
            evaluation: string | null;
            createdAt: string;
            closedAt: string | null;
            photos: string[];
            servicePhotos: string[];
            events: {
              action:
                | (
                    | 'accept'
                    | 'reject'
                    | 'merge'
                    | 'cancel'
                    | 'dispatch'
                    | 'redispatch'
                    | 'claim'
                    | 'decline'
                    | 'start'
                    | 'finish'
                    | 'rate'
                    | 'evaluate'
                    | 'auto_close'
                    | 'reopen'
                  )
                | string;
              fromStatus: string | null;
              toStatus: string | null;
              actorKind: string;
              actorName: string | null;
              reason: string | null;
              target: string | null;
              createdAt: string;
            }[];
            assignees: {
              volunteerId: number;
              name: string | null;
              status: string;
              claimedAt: string | null;
            }[];
          };
        };
      };
    };
  };
  postPublicOrdersByTokenPhotos: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        token: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            url: string;
          };
        };
      };
    };
  };
  getPublicOrdersByTokenPhotosByPhotoId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        token: string;
        photoId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description 图片内容（二进制） */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'image/jpeg': unknown;
          'image/png': unknown;
          'image/webp': unknown;
        };
      };
    };
  };
  getMeRequests: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            orderNo: string;
            /** @enum {string} */
            status:
              | 'submitted'
              | 'accepted'
              | 'dispatched'
              | 'claimed'
              | 'in_service'
              | 'served'
              | 'closed'
              | 'rejected'
              | 'merged'
              | 'cancelled';
            serviceCategory: string;
            serviceTitle: string | null;
            description: string;
            createdAt: string;
          }[];
        };
      };
    };
  };
  postMeRequests: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          stationId: number;
          menuItemId?: number | null;
          /** @enum {string} */
          serviceCategory?:
            | 'theory'
            | 'culture'
            | 'science'
            | 'law'
            | 'health'
            | 'elderly'
            | 'children'
            | 'disability'
            | 'environment'
            | 'traffic'
            | 'emergency'
            | 'education'
            | 'community'
            | 'poverty';
          description: string;
          address: string;
          contactName: string;
          contactPhone: string;
          /** Format: date-time */
          preferredAt?: string | null;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            orderNo: string;
            trackingToken: string;
            tracking: {
              orderNo: string;
              /** @enum {string} */
              status:
                | 'submitted'
                | 'accepted'
                | 'dispatched'
                | 'claimed'
                | 'in_service'
                | 'served'
                | 'closed'
                | 'rejected'
                | 'merged'
                | 'cancelled';
              serviceCategory: string;
              serviceTitle: string | null;
              description: string;
              createdAt: string;
              rejectReason: string | null;
              rating: number | null;
              ratingComment: string | null;
              canRate: boolean;
              canReopen: boolean;
              canCancel: boolean;
              photos: {
                id: string;
                url: string;
              }[];
              canAddPhotos: boolean;
              timeline: {
                action: string;
                toStatus: string | null;
                reason: string | null;
                at: string;
              }[];
            };
          };
        };
      };
    };
  };
  postMeRequestsPhoneCode: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          phone: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            validMinutes: number;
            demoCode?: string;
          };
        };
      };
    };
  };
  postMeRequestsLink: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          phone: string;
          code: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            linked: number;
          };
        };
      };
    };
  };
  getMeRequestsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            orderNo: string;
            /** @enum {string} */
            status:
              | 'submitted'
              | 'accepted'
              | 'dispatched'
              | 'claimed'
              | 'in_service'
              | 'served'
              | 'closed'
              | 'rejected'
              | 'merged'
              | 'cancelled';
            serviceCategory: string;
            serviceTitle: string | null;
            description: string;
            createdAt: string;
            rejectReason: string | null;
            rating: number | null;
            ratingComment: string | null;
            canRate: boolean;
            canReopen: boolean;
            canCancel: boolean;
            photos: {
              id: string;
              url: string;
            }[];
            canAddPhotos: boolean;
            timeline: {
              action: string;
              toStatus: string | null;
              reason: string | null;
              at: string;
            }[];
          };
        };
      };
    };
  };
  postMeRequestsByIdRate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          rating: number;
          comment?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            orderNo: string;
            /** @enum {string} */
            status:
              | 'submitted'
              | 'accepted'
              | 'dispatched'
              | 'claimed'
              | 'in_service'
              | 'served'
              | 'closed'
              | 'rejected'
              | 'merged'
              | 'cancelled';
            serviceCategory: string;
            serviceTitle: string | null;
            description: string;
            createdAt: string;
            rejectReason: string | null;
            rating: number | null;
            ratingComment: string | null;
            canRate: boolean;
            canReopen: boolean;
            canCancel: boolean;
            photos: {
              id: string;
              url: string;
            }[];
            canAddPhotos: boolean;
            timeline: {
              action: string;
              toStatus: string | null;
              reason: string | null;
              at: string;
            }[];
          };
        };
      };
    };
  };
  postMeRequestsByIdReopen: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          reason: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            orderNo: string;
            /** @enum {string} */
            status:
              | 'submitted'
              | 'accepted'
              | 'dispatched'
              | 'claimed'
              | 'in_service'
              | 'served'
              | 'closed'
              | 'rejected'
              | 'merged'
              | 'cancelled';
            serviceCategory: string;
            serviceTitle: string | null;
            description: string;
            createdAt: string;
            rejectReason: string | null;
            rating: number | null;
            ratingComment: string | null;
            canRate: boolean;
            canReopen: boolean;
            canCancel: boolean;
            photos: {
              id: string;
              url: string;
            }[];
            canAddPhotos: boolean;
            timeline: {
              action: string;
              toStatus: string | null;
              reason: string | null;
              at: string;
            }[];
          };
        };
      };
    };
  };
  postMeRequestsByIdCancel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          reason: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            orderNo: string;
            /** @enum {string} */
            status:
              | 'submitted'
              | 'accepted'
              | 'dispatched'
              | 'claimed'
              | 'in_service'
              | 'served'
              | 'closed'
              | 'rejected'
              | 'merged'
              | 'cancelled';
            serviceCategory: string;
            serviceTitle: string | null;
            description: string;
            createdAt: string;
            rejectReason: string | null;
            rating: number | null;
            ratingComment: string | null;
            canRate: boolean;
            canReopen: boolean;
            canCancel: boolean;
            photos: {
              id: string;
              url: string;
            }[];
            canAddPhotos: boolean;
            timeline: {
              action: string;
              toStatus: string | null;
              reason: string | null;
              at: string;
            }[];
          };
        };
      };
    };
  };
  getMeRequestsByIdPhotosByPhotoId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
        photoId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description 图片内容（二进制） */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'image/jpeg': unknown;
          'image/png': unknown;
          'image/webp': unknown;
        };
      };
    };
  };
  postMeOrdersByIdContact: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            name: string;
            phone: string;
          };
        };
      };
    };
  };
  postMeOrdersByIdPhotos: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
          };
        };
      };
    };
  };
  getOpen311DiscoveryJson: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            changeset: string;
            contact: string;
            key_service: string;
            endpoints: {
              specification: string;
              url: string;
              changeset: string;
              /** @enum {string} */
              type: 'production' | 'test';
              formats: string[];
            }[];
          };
        };
      };
    };
  };
  getOpen311V2ServicesJson: {
    parameters: {
      query?: {
        jurisdiction_id?: '' | string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            service_code: string;
            service_name: string;
            description: string;
            metadata: boolean;
            /** @enum {string} */
            type: 'realtime' | 'batch' | 'blackbox';
            keywords: string;
            group: string;
          }[];
        };
      };
    };
  };
  getOpen311V2ServicesByServiceCodeJson: {
    parameters: {
      query?: {
        jurisdiction_id?: '' | string;
      };
      header?: never;
      path: {
        service_code: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            service_code: string;
            attributes: {
              variable: boolean;
              code: string;
              /** @enum {string} */
              datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
              required: boolean;
              datatype_description: string | null;
              order: number;
              description: string;
              values?: {
                key: string;
                name: string;
              }[];
            }[];
          };
        };
      };
    };
  };
  getOpen311V2RequestsJson: {
    parameters: {
      query?: {
        jurisdiction_id?: '' | string;
        service_request_id?: '' | (string | string[]);
        service_code?: '' | (string | string[]);
        status?: '' | (string | string[]);
        start_date?: '' | string;
        end_date?: '' | string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            service_request_id: string;
            /** @enum {string} */
            status: 'open' | 'closed';
            status_notes: string | null;
            service_name: string | null;
            service_code: string | null;
            description: string | null;
            agency_responsible: string | null;
            service_notice: string | null;
            requested_datetime: string;
            updated_datetime: string | null;
            expected_datetime: string | null;
            address: string | null;
            address_id: number | null;
            zipcode: string | null;
            lat: number | null;
            long: number | null;
            media_url: string | null;
          }[];
        };
      };
    };
  };
  postOpen311V2RequestsJson: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          jurisdiction_id?: '' | string;
          api_key?: '' | string;
          service_code: string;
          lat?: '' | (number | string);
          long?: '' | (number | string);
          address_string?: '' | string;
          address_id?: '' | number;
          email?: '' | string;
          device_id?: '' | string;
          account_id?: '' | string;
          first_name?: '' | string;
          last_name?: '' | string;
          phone?: '' | string;
          description?: '' | string;
          media_url?: '' | string;
          'attribute[preferred_at]'?: '' | string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            service_request_id: string;
            service_notice: string | null;
            account_id: string | null;
          }[];
        };
      };
    };
  };
  getOpen311V2RequestsByServiceRequestIdJson: {
    parameters: {
      query?: {
        jurisdiction_id?: '' | string;
      };
      header?: never;
      path: {
        service_request_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            service_request_id: string;
            /** @enum {string} */
            status: 'open' | 'closed';
            status_notes: string | null;
            service_name: string | null;
            service_code: string | null;
            description: string | null;
            agency_responsible: string | null;
            service_notice: string | null;
            requested_datetime: string;
            updated_datetime: string | null;
            expected_datetime: string | null;
            address: string | null;
            address_id: number | null;
            zipcode: string | null;
            lat: number | null;
            long: number | null;
            media_url: string | null;
          }[];
        };
      };
    };
  };
  getOpen311DiscoveryXml: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description GeoReport v2 XML */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/xml': string;
        };
      };
    };
  };
  getOpen311V2ServicesXml: {
    parameters: {
      query?: {
        jurisdiction_id?: '' | string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description GeoReport v2 XML */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/xml': string;
        };
      };
    };
  };
  getOpen311V2ServicesByServiceCodeXml: {
    parameters: {
      query?: {
        jurisdiction_id?: '' | string;
      };
      header?: never;
      path: {
        service_code: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description GeoReport v2 XML */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/xml': string;
        };
      };
    };
  };
  getOpen311V2RequestsXml: {
    parameters: {
      query?: {
        jurisdiction_id?: '' | string;
        service_request_id?: '' | (string | string[]);
        service_code?: '' | (string | string[]);
        status?: '' | (string | string[]);
        start_date?: '' | string;
        end_date?: '' | string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description GeoReport v2 XML */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/xml': string;
        };
      };
    };
  };
  postOpen311V2RequestsXml: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          jurisdiction_id?: '' | string;
          api_key?: '' | string;
          service_code: string;
          lat?: '' | (number | string);
          long?: '' | (number | string);
          address_string?: '' | string;
          address_id?: '' | number;
          email?: '' | string;
          device_id?: '' | string;
          account_id?: '' | string;
          first_name?: '' | string;
          last_name?: '' | string;
          phone?: '' | string;
          description?: '' | string;
          media_url?: '' | string;
          'attribute[preferred_at]'?: '' | string;
        };
      };
    };
    responses: {
      /** @description GeoReport v2 XML */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/xml': string;
        };
      };
    };
  };
  getOpen311V2RequestsByServiceRequestIdXml: {
    parameters: {
      query?: {
        jurisdiction_id?: '' | string;
      };
      header?: never;
      path: {
        service_request_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description GeoReport v2 XML */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/xml': string;
        };
      };
    };
  };
  getActivities: {
    parameters: {
      query?: {
        keyword?: string;
        orgId?: number;
        status?: 'draft' | 'published' | 'in_progress' | 'finished' | 'archived' | 'cancelled';
        form?: 'jiang' | 'ping' | 'bang' | 'le' | 'qing' | 'shu' | 'xing';
        festival?:
          | 'spring'
          | 'lantern'
          | 'qingming'
          | 'dragon_boat'
          | 'qixi'
          | 'mid_autumn'
          | 'double_ninth'
          | 'laba'
          | 'lei_feng'
          | 'national_day';
        from?: string;
        to?: string;
        seriesId?: number;
        order?: 'desc' | 'asc';
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              id: number;
              activityNo: string;
              orgId: number;
              orgName: string;
              seriesId: number | null;
              planItemId: number | null;
              title: string;
              platform: string | null;
              projectId: number | null;
              projectName: string | null;
              teamId: number | null;
              teamName: string | null;
              form: string;
              microLecture: boolean;
              festival: string | null;
              description: string | null;
              place: string;
              latitude: number | null;
              longitude: number | null;
              geofenceM: number;
              startsAt: string;
              endsAt: string;
              capacity: number;
              signupOpensAt: string | null;
              signupClosesAt: string | null;
              audience: string;
              /** @enum {string} */
              status: 'draft' | 'published' | 'in_progress' | 'finished' | 'archived' | 'cancelled';
              cancelReason: string | null;
              confirmedCount: number;
              waitlistCount: number;
              checkedInCount: number;
              photoCount: number;
              summary: string | null;
              videoLinks: string[];
              createdAt: string;
              editable: boolean;
            }[];
            total: number;
          };
        };
      };
    };
  };
  postActivities: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          title: string;
          /** @enum {string|null} */
          platform?: 'theory' | 'education_sports' | 'culture_arts' | 'science' | 'health' | null;
          projectId?: number | null;
          teamId?: number | null;
          /** @enum {string} */
          form: 'jiang' | 'ping' | 'bang' | 'le' | 'qing' | 'shu' | 'xing';
          /** @enum {string|null} */
          festival?:
            | 'spring'
            | 'lantern'
            | 'qingming'
            | 'dragon_boat'
            | 'qixi'
            | 'mid_autumn'
            | 'double_ninth'
            | 'laba'
            | 'lei_feng'
            | 'national_day'
            | null;
          microLecture?: boolean;
          description?: string | null;
          place: string;
          latitude?: number | null;
          longitude?: number | null;
          geofenceM?: number;
          /** Format: date-time */
          startsAt: string;
          /** Format: date-time */
          endsAt: string;
          capacity: number;
          /** Format: date-time */
          signupOpensAt?: string | null;
          /** Format: date-time */
          signupClosesAt?: string | null;
          /** @enum {string} */
          audience?: 'volunteers' | 'public';
          orgId?: number;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            activityNo: string;
            orgId: number;
            orgName: string;
            seriesId: number | null;
            planItemId: number | null;
            title: string;
            platform: string | null;
            projectId: number | null;
            projectName: string | null;
            teamId: number | null;
            teamName: string | null;
            form: string;
            microLecture: boolean;
            festival: string | null;
            description: string | null;
            place: string;
            latitude: number | null;
            longitude: number | null;
            geofenceM: number;
            startsAt: string;
            endsAt: string;
            capacity: number;
            signupOpensAt: string | null;
            signupClosesAt: string | null;
            audience: string;
            /** @enum {string} */
            status: 'draft' | 'published' | 'in_progress' | 'finished' | 'archived' | 'cancelled';
            cancelReason: string | null;
            confirmedCount: number;
            waitlistCount: number;
            checkedInCount: number;
            photoCount: number;
            summary: string | null;
            videoLinks: string[];
            createdAt: string;
            editable: boolean;
          };
        };
      };
    };
  };
  getActivitiesArchive: {
    parameters: {
      query: {
        orgId?: number;
        year: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            year: number;
            stats: {
              total: number;
              held: number;
              cancelled: number;
              festival: number;
              complete: number;
              activeMonths: number;
            };
            months: {
              month: number;
              total: number;
              held: number;
              cancelled: number;
              festival: number;
              complete: number;
            }[];
          };
        };
      };
    };
  };
  getActivitiesById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            activityNo: string;
            orgId: number;
            orgName: string;
            seriesId: number | null;
            planItemId: number | null;
            title: string;
            platform: string | null;
            projectId: number | null;
            projectName: string | null;
            teamId: number | null;
            teamName: string | null;
            form: string;
            microLecture: boolean;
            festival: string | null;
            description: string | null;
            place: string;
            latitude: number | null;
            longitude: number | null;
            geofenceM: number;
            startsAt: string;
            endsAt: string;
            capacity: number;
            signupOpensAt: string | null;
            signupClosesAt: string | null;
            audience: string;
            /** @enum {string} */
            status: 'draft' | 'published' | 'in_progress' | 'finished' | 'archived' | 'cancelled';
            cancelReason: string | null;
            confirmedCount: number;
            waitlistCount: number;
            checkedInCount: number;
            photoCount: number;
            summary: string | null;
            videoLinks: string[];
            createdAt: string;
            editable: boolean;
          };
        };
      };
    };
  };
  putActivitiesById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          title?: string;
          /** @enum {string|null} */
          platform?: 'theory' | 'education_sports' | 'culture_arts' | 'science' | 'health' | null;
          projectId?: number | null;
          teamId?: number | null;
          /** @enum {string} */
          form?: 'jiang' | 'ping' | 'bang' | 'le' | 'qing' | 'shu' | 'xing';
          /** @enum {string|null} */
          festival?:
            | 'spring'
            | 'lantern'
            | 'qingming'
            | 'dragon_boat'
            | 'qixi'
            | 'mid_autumn'
            | 'double_ninth'
            | 'laba'
            | 'lei_feng'
            | 'national_day'
            | null;
          microLecture?: boolean;
          description?: string | null;
          place?: string;
          latitude?: number | null;
          longitude?: number | null;
          geofenceM?: number;
          /** Format: date-time */
          startsAt?: string;
          /** Format: date-time */
          endsAt?: string;
          capacity?: number;
          /** Format: date-time */
          signupOpensAt?: string | null;
          /** Format: date-time */
          signupClosesAt?: string | null;
          /** @enum {string} */
          audience?: 'volunteers' | 'public';
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            activityNo: string;
            orgId: number;
            orgName: string;
            seriesId: number | null;
            planItemId: number | null;
            title: string;
            platform: string | null;
            projectId: number | null;
            projectName: string | null;
            teamId: number | null;
            teamName: string | null;
            form: string;
            microLecture: boolean;
            festival: string | null;
            description: string | null;
            place: string;
            latitude: number | null;
            longitude: number | null;
            geofenceM: number;
            startsAt: string;
            endsAt: string;
            capacity: number;
            signupOpensAt: string | null;
            signupClosesAt: string | null;
            audience: string;
            /** @enum {string} */
            status: 'draft' | 'published' | 'in_progress' | 'finished' | 'archived' | 'cancelled';
            cancelReason: string | null;
            confirmedCount: number;
            waitlistCount: number;
            checkedInCount: number;
            photoCount: number;
            summary: string | null;
            videoLinks: string[];
            createdAt: string;
            editable: boolean;
          };
        };
      };
    };
  };
  postActivitySeries: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          title: string;
          /** @enum {string|null} */
          platform?: 'theory' | 'education_sports' | 'culture_arts' | 'science' | 'health' | null;
          projectId?: number | null;
          teamId?: number | null;
          /** @enum {string} */
          form: 'jiang' | 'ping' | 'bang' | 'le' | 'qing' | 'shu' | 'xing';
          /** @enum {string|null} */
          festival?:
            | 'spring'
            | 'lantern'
            | 'qingming'
            | 'dragon_boat'
            | 'qixi'
            | 'mid_autumn'
            | 'double_ninth'
            | 'laba'
            | 'lei_feng'
            | 'national_day'
            | null;
          microLecture?: boolean;
          description?: string | null;
          place: string;
          latitude?: number | null;
          longitude?: number | null;
          geofenceM?: number;
          /** Format: date-time */
          startsAt: string;
          /** Format: date-time */
          endsAt: string;
          capacity: number;
          /** Format: date-time */
          signupOpensAt?: string | null;
          /** Format: date-time */
          signupClosesAt?: string | null;
          /** @enum {string} */
          audience?: 'volunteers' | 'public';
          orgId?: number;
          /** @enum {string} */
          frequency: 'weekly' | 'monthly';
          occurrences: number;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            seriesId: number;
            activityIds: number[];
          };
        };
      };
    };
  };
  postActivitiesByIdPublish: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            activityNo: string;
            orgId: number;
            orgName: string;
            seriesId: number | null;
            planItemId: number | null;
            title: string;
            platform: string | null;
            projectId: number | null;
            projectName: string | null;
            teamId: number | null;
            teamName: string | null;
            form: string;
            microLecture: boolean;
            festival: string | null;
            description: string | null;
            place: string;
            latitude: number | null;
            longitude: number | null;
            geofenceM: number;
            startsAt: string;
            endsAt: string;
            capacity: number;
            signupOpensAt: string | null;
            signupClosesAt: string | null;
            audience: string;
            /** @enum {string} */
            status: 'draft' | 'published' | 'in_progress' | 'finished' | 'archived' | 'cancelled';
            cancelReason: string | null;
            confirmedCount: number;
            waitlistCount: number;
            checkedInCount: number;
            photoCount: number;
            summary: string | null;
            videoLinks: string[];
            createdAt: string;
            editable: boolean;
          };
        };
      };
    };
  };
  postActivitiesByIdStart: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            activityNo: string;
            orgId: number;
            orgName: string;
            seriesId: number | null;
            planItemId: number | null;
            title: string;
            platform: string | null;
            projectId: number | null;
            projectName: string | null;
            teamId: number | null;
            teamName: string | null;
            form: string;
            microLecture: boolean;
            festival: string | null;
            description: string | null;
            place: string;
            latitude: number | null;
            longitude: number | null;
            geofenceM: number;
            startsAt: string;
            endsAt: string;
            capacity: number;
            signupOpensAt: string | null;
            signupClosesAt: string | null;
            audience: string;
            /** @enum {string} */
            status: 'draft' | 'published' | 'in_progress' | 'finished' | 'archived' | 'cancelled';
            cancelReason: string | null;
            confirmedCount: number;
            waitlistCount: number;
            checkedInCount: number;
            photoCount: number;
            summary: string | null;
            videoLinks: string[];
            createdAt: string;
            editable: boolean;
          };
        };
      };
    };
  };
  postActivitiesByIdFinish: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            activityNo: string;
            orgId: number;
            orgName: string;
            seriesId: number | null;
            planItemId: number | null;
            title: string;
            platform: string | null;
            projectId: number | null;
            projectName: string | null;
            teamId: number | null;
            teamName: string | null;
            form: string;
            microLecture: boolean;
            festival: string | null;
            description: string | null;
            place: string;
            latitude: number | null;
            longitude: number | null;
            geofenceM: number;
            startsAt: string;
            endsAt: string;
            capacity: number;
            signupOpensAt: string | null;
            signupClosesAt: string | null;
            audience: string;
            /** @enum {string} */
            status: 'draft' | 'published' | 'in_progress' | 'finished' | 'archived' | 'cancelled';
            cancelReason: string | null;
            confirmedCount: number;
            waitlistCount: number;
            checkedInCount: number;
            photoCount: number;
            summary: string | null;
            videoLinks: string[];
            createdAt: string;
            editable: boolean;
          };
        };
      };
    };
  };
  putActivitiesByIdArchive: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          summary?: string | null;
          videoLinks?: string[];
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            activityNo: string;
            orgId: number;
            orgName: string;
            seriesId: number | null;
            planItemId: number | null;
            title: string;
            platform: string | null;
            projectId: number | null;
            projectName: string | null;
            teamId: number | null;
            teamName: string | null;
            form: string;
            microLecture: boolean;
            festival: string | null;
            description: string | null;
            place: string;
            latitude: number | null;
            longitude: number | null;
            geofenceM: number;
            startsAt: string;
            endsAt: string;
            capacity: number;
            signupOpensAt: string | null;
            signupClosesAt: string | null;
            audience: string;
            /** @enum {string} */
            status: 'draft' | 'published' | 'in_progress' | 'finished' | 'archived' | 'cancelled';
            cancelReason: string | null;
            confirmedCount: number;
            waitlistCount: number;
            checkedInCount: number;
            photoCount: number;
            summary: string | null;
            videoLinks: string[];
            createdAt: string;
            editable: boolean;
          };
        };
      };
    };
  };
  postActivitiesByIdArchive: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            activityNo: string;
            orgId: number;
            orgName: string;
            seriesId: number | null;
            planItemId: number | null;
            title: string;
            platform: string | null;
            projectId: number | null;
            projectName: string | null;
            teamId: number | null;
            teamName: string | null;
            form: string;
            microLecture: boolean;
            festival: string | null;
            description: string | null;
            place: string;
            latitude: number | null;
            longitude: number | null;
            geofenceM: number;
            startsAt: string;
            endsAt: string;
            capacity: number;
            signupOpensAt: string | null;
            signupClosesAt: string | null;
            audience: string;
            /** @enum {string} */
            status: 'draft' | 'published' | 'in_progress' | 'finished' | 'archived' | 'cancelled';
            cancelReason: string | null;
            confirmedCount: number;
            waitlistCount: number;
            checkedInCount: number;
            photoCount: number;
            summary: string | null;
            videoLinks: string[];
            createdAt: string;
            editable: boolean;
          };
        };
      };
    };
  };
  postActivitiesByIdCancel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          reason: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            activityNo: string;
            orgId: number;
            orgName: string;
            seriesId: number | null;
            planItemId: number | null;
            title: string;
            platform: string | null;
            projectId: number | null;
            projectName: string | null;
            teamId: number | null;
            teamName: string | null;
            form: string;
            microLecture: boolean;
            festival: string | null;
            description: string | null;
            place: string;
            latitude: number | null;
            longitude: number | null;
            geofenceM: number;
            startsAt: string;
            endsAt: string;
            capacity: number;
            signupOpensAt: string | null;
            signupClosesAt: string | null;
            audience: string;
            /** @enum {string} */
            status: 'draft' | 'published' | 'in_progress' | 'finished' | 'archived' | 'cancelled';
            cancelReason: string | null;
            confirmedCount: number;
            waitlistCount: number;
            checkedInCount: number;
            photoCount: number;
            summary: string | null;
            videoLinks: string[];
            createdAt: string;
            editable: boolean;
          };
        };
      };
    };
  };
  getActivitiesByIdPhotos: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            uploadId: string;
            caption: string | null;
            createdAt: string;
          }[];
        };
      };
    };
  };
  postActivitiesByIdPhotos: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: uuid */
          uploadId: string;
          caption?: string | null;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {boolean} */
            ok: true;
          };
        };
      };
    };
  };
  deleteActivitiesByIdPhotosByPhotoId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
        photoId: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {boolean} */
            ok: true;
          };
        };
      };
    };
  };
  getActivitiesByIdSignups: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            activityId: number;
            volunteerId: number;
            volunteerName: string;
            volunteerNo: string;
            /** @enum {string} */
            status: 'confirmed' | 'waitlisted' | 'cancelled' | 'no_show';
            source: string;
            waitlistPosition: number | null;
            remindedAt: string | null;
            attendanceConfirmedAt: string | null;
            checkedInAt: string | null;
            checkedOutAt: string | null;
            createdAt: string;
          }[];
        };
      };
    };
  };
  postActivitiesByIdSignups: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          volunteerIds: number[];
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            confirmed: number;
            waitlisted: number;
            skipped: number;
          };
        };
      };
    };
  };
  deleteActivitiesByIdSignupsByVolunteerId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
        volunteerId: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {boolean} */
            ok: true;
            promotedVolunteerId: number | null;
          };
        };
      };
    };
  };
  getMeActivities: {
    parameters: {
      query?: {
        mine?: 'true' | 'false';
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              id: number;
              activityNo: string;
              orgId: number;
              orgName: string;
              seriesId: number | null;
              planItemId: number | null;
              title: string;
              platform: string | null;
              projectId: number | null;
              projectName: string | null;
              teamId: number | null;
              teamName: string | null;
              form: string;
              microLecture: boolean;
              festival: string | null;
              description: string | null;
              place: string;
              latitude: number | null;
              longitude: number | null;
              geofenceM: number;
              startsAt: string;
              endsAt: string;
              capacity: number;
              signupOpensAt: string | null;
              signupClosesAt: string | null;
              audience: string;
              /** @enum {string} */
              status: 'draft' | 'published' | 'in_progress' | 'finished' | 'archived' | 'cancelled';
              cancelReason: string | null;
              confirmedCount: number;
              waitlistCount: number;
              checkedInCount: number;
              photoCount: number;
              summary: string | null;
              videoLinks: string[];
              createdAt: string;
              editable: boolean;
              myStatus: string | null;
            }[];
            total: number;
          };
        };
      };
    };
  };
  getMeActivitiesById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            activity: {
              id: number;
              activityNo: string;
              orgId: number;
              orgName: string;
              seriesId: number | null;
              planItemId: number | null;
              title: string;
              platform: string | null;
              projectId: number | null;
              projectName: string | null;
              teamId: number | null;
              teamName: string | null;
              form: string;
              microLecture: boolean;
              festival: string | null;
              description: string | null;
              place: string;
              latitude: number | null;
              longitude: number | null;
              geofenceM: number;
              startsAt: string;
              endsAt: string;
              capacity: number;
              signupOpensAt: string | null;
              signupClosesAt: string | null;
              audience: string;
              /** @enum {string} */
              status: 'draft' | 'published' | 'in_progress' | 'finished' | 'archived' | 'cancelled';
              cancelReason: string | null;
              confirmedCount: number;
              waitlistCount: number;
              checkedInCount: number;
              photoCount: number;
              summary: string | null;
              videoLinks: string[];
              createdAt: string;
              editable: boolean;
            };
            signup: {
              id: number;
              activityId: number;
              volunteerId: number;
              volunteerName: string;
              volunteerNo: string;
              /** @enum {string} */
              status: 'confirmed' | 'waitlisted' | 'cancelled' | 'no_show';
              source: string;
              waitlistPosition: number | null;
              remindedAt: string | null;
              attendanceConfirmedAt: string | null;
              checkedInAt: string | null;
              checkedOutAt: string | null;
              createdAt: string;
            } | null;
          };
        };
      };
    };
  };
  postMeActivitiesByIdSignup: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            activity: {
              id: number;
              activityNo: string;
              orgId: number;
              orgName: string;
              seriesId: number | null;
              planItemId: number | null;
              title: string;
              platform: string | null;
              projectId: number | null;
              projectName: string | null;
              teamId: number | null;
              teamName: string | null;
              form: string;
              microLecture: boolean;
              festival: string | null;
              description: string | null;
              place: string;
              latitude: number | null;
              longitude: number | null;
              geofenceM: number;
              startsAt: string;
              endsAt: string;
              capacity: number;
              signupOpensAt: string | null;
              signupClosesAt: string | null;
              audience: string;
              /** @enum {string} */
              status: 'draft' | 'published' | 'in_progress' | 'finished' | 'archived' | 'cancelled';
              cancelReason: string | null;
              confirmedCount: number;
              waitlistCount: number;
              checkedInCount: number;
              photoCount: number;
              summary: string | null;
              videoLinks: string[];
              createdAt: string;
              editable: boolean;
            };
            signup: {
              id: number;
              activityId: number;
              volunteerId: number;
              volunteerName: string;
              volunteerNo: string;
              /** @enum {string} */
              status: 'confirmed' | 'waitlisted' | 'cancelled' | 'no_show';
              source: string;
              waitlistPosition: number | null;
              remindedAt: string | null;
              attendanceConfirmedAt: string | null;
              checkedInAt: string | null;
              checkedOutAt: string | null;
              createdAt: string;
            } | null;
          };
        };
      };
    };
  };
  postMeActivitiesByIdCancelSignup: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            activity: {
              id: number;
              activityNo: string;
              orgId: number;
              orgName: string;
              seriesId: number | null;
              planItemId: number | null;
              title: string;
              platform: string | null;
              projectId: number | null;
              projectName: string | null;
              teamId: number | null;
              teamName: string | null;
              form: string;
              microLecture: boolean;
              festival: string | null;
              description: string | null;
              place: string;
              latitude: number | null;
              longitude: number | null;
              geofenceM: number;
              startsAt: string;
              endsAt: string;
              capacity: number;
              signupOpensAt: string | null;
              signupClosesAt: string | null;
              audience: string;
              /** @enum {string} */
              status: 'draft' | 'published' | 'in_progress' | 'finished' | 'archived' | 'cancelled';
              cancelReason: string | null;
              confirmedCount: number;
              waitlistCount: number;
              checkedInCount: number;
              photoCount: number;
              summary: string | null;
              videoLinks: string[];
              createdAt: string;
              editable: boolean;
            };
            signup: {
              id: number;
              activityId: number;
              volunteerId: number;
              volunteerName: string;
              volunteerNo: string;
              /** @enum {string} */
              status: 'confirmed' | 'waitlisted' | 'cancelled' | 'no_show';
              source: string;
              waitlistPosition: number | null;
              remindedAt: string | null;
              attendanceConfirmedAt: string | null;
              checkedInAt: string | null;
              checkedOutAt: string | null;
              createdAt: string;
            } | null;
          };
        };
      };
    };
  };
  getPublicActivities: {
    parameters: {
      query: {
        orgId: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            title: string;
            orgName: string;
            form: string;
            festival: string | null;
            description: string | null;
            place: string;
            startsAt: string;
            endsAt: string;
            audience: string;
            capacity: number;
            confirmedCount: number;
            /** @enum {string} */
            status: 'draft' | 'published' | 'in_progress' | 'finished' | 'archived' | 'cancelled';
          }[];
        };
      };
    };
  };
  getPublicActivitiesById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            title: string;
            orgName: string;
            form: string;
            festival: string | null;
            description: string | null;
            place: string;
            startsAt: string;
            endsAt: string;
            audience: string;
            capacity: number;
            confirmedCount: number;
            /** @enum {string} */
            status: 'draft' | 'published' | 'in_progress' | 'finished' | 'archived' | 'cancelled';
          };
        };
      };
    };
  };
  getPublicOrgsByOrgIdActivitiesIcs: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        orgId: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  getPlans: {
    parameters: {
      query?: {
        orgId?: number;
        year?: number;
        includeBelow?: 'true' | 'false';
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              id: number;
              orgId: number;
              orgName: string;
              year: number;
              title: string;
              summary: string | null;
              quarterThemes: string[];
              /** @enum {string} */
              status: 'draft' | 'published';
              publishedAt: string | null;
              itemCount: number;
              convertedCount: number;
              /** @enum {string} */
              relation: 'own' | 'above' | 'below';
              editable: boolean;
              createdAt: string;
              updatedAt: string;
            }[];
            total: number;
          };
        };
      };
    };
  };
  postPlans: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          orgId?: number;
          year: number;
          title: string;
          summary?: string | null;
          quarterThemes: string[];
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            orgId: number;
            orgName: string;
            year: number;
            title: string;
            summary: string | null;
            quarterThemes: string[];
            /** @enum {string} */
            status: 'draft' | 'published';
            publishedAt: string | null;
            itemCount: number;
            convertedCount: number;
            /** @enum {string} */
            relation: 'own' | 'above' | 'below';
            editable: boolean;
            createdAt: string;
            updatedAt: string;
            months: {
              month: number;
              focus: {
                id: number;
                planId: number;
                month: number;
                week: number | null;
                title: string;
                description: string | null;
                form: string | null;
                festival: string | null;
                plannedOn: string | null;
                activityId: number | null;
                activity: {
                  id: number;
                  activityNo: string;
                  title: string;
                  /** @enum {string} */
                  status: 'draft' | 'published' | 'in_progress' | 'finished' | 'archived' | 'cancelled';
                  startsAt: string;
                } | null;
              } | null;
              weeks: {
                id: number;
                planId: number;
                month: number;
                week: number | null;
                title: string;
                description: string | null;
                form: string | null;
                festival: string | null;
                plannedOn: string | null;
                activityId: number | null;
                activity: {
                  id: number;
                  activityNo: string;
                  title: string;
                  /** @enum {string} */
                  status: 'draft' | 'published' | 'in_progress' | 'finished' | 'archived' | 'cancelled';
                  startsAt: string;
                } | null;
              }[];
            }[];
          };
        };
      };
    };
  };
  getPlansById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            orgId: number;
            orgName: string;
            year: number;
            title: string;
            summary: string | null;
            quarterThemes: string[];
            /** @enum {string} */
            status: 'draft' | 'published';
            publishedAt: string | null;
            itemCount: number;
            convertedCount: number;
            /** @enum {string} */
            relation: 'own' | 'above' | 'below';
            editable: boolean;
            createdAt: string;
            updatedAt: string;
            months: {
              month: number;
              focus: {
                id: number;
                planId: number;
                month: number;
                week: number | null;
                title: string;
                description: string | null;
                form: string | null;
                festival: string | null;
                plannedOn: string | null;
                activityId: number | null;
                activity: {
                  id: number;
                  activityNo: string;
                  title: string;
                  /** @enum {string} */
                  status: 'draft' | 'published' | 'in_progress' | 'finished' | 'archived' | 'cancelled';
                  startsAt: string;
                } | null;
              } | null;
              weeks: {
                id: number;
                planId: number;
                month: number;
                week: number | null;
                title: string;
                description: string | null;
                form: string | null;
                festival: string | null;
                plannedOn: string | null;
                activityId: number | null;
                activity: {
                  id: number;
                  activityNo: string;
                  title: string;
                  /** @enum {string} */
                  status: 'draft' | 'published' | 'in_progress' | 'finished' | 'archived' | 'cancelled';
                  startsAt: string;
                } | null;
              }[];
            }[];
          };
        };
      };
    };
  };
  putPlansById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          title?: string;
          summary?: string | null;
          quarterThemes?: string[];
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            orgId: number;
            orgName: string;
            year: number;
            title: string;
            summary: string | null;
            quarterThemes: string[];
            /** @enum {string} */
            status: 'draft' | 'published';
            publishedAt: string | null;
            itemCount: number;
            convertedCount: number;
            /** @enum {string} */
            relation: 'own' | 'above' | 'below';
            editable: boolean;
            createdAt: string;
            updatedAt: string;
            months: {
              month: number;
              focus: {
                id: number;
                planId: number;
                month: number;
                week: number | null;
                title: string;
                description: string | null;
                form: string | null;
                festival: string | null;
                plannedOn: string | null;
                activityId: number | null;
                activity: {
                  id: number;
                  activityNo: string;
                  title: string;
                  /** @enum {string} */
                  status: 'draft' | 'published' | 'in_progress' | 'finished' | 'archived' | 'cancelled';
                  startsAt: string;
                } | null;
              } | null;
              weeks: {
                id: number;
                planId: number;
                month: number;
                week: number | null;
                title: string;
                description: string | null;
                form: string | null;
                festival: string | null;
                plannedOn: string | null;
                activityId: number | null;
                activity: {
                  id: number;
                  activityNo: string;
                  title: string;
                  /** @enum {string} */
                  status: 'draft' | 'published' | 'in_progress' | 'finished' | 'archived' | 'cancelled';
                  startsAt: string;
                } | null;
              }[];
            }[];
          };
        };
      };
    };
  };
  postPlansByIdPublish: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            orgId: number;
            orgName: string;
            year: number;
            title: string;
            summary: string | null;
            quarterThemes: string[];
            /** @enum {string} */
            status: 'draft' | 'published';
            publishedAt: string | null;
            itemCount: number;
            convertedCount: number;
            /** @enum {string} */
            relation: 'own' | 'above' | 'below';
            editable: boolean;
            createdAt: string;
            updatedAt: string;
            months: {
              month: number;
              focus: {
                id: number;
                planId: number;
                month: number;
                week: number | null;
                title: string;
                description: string | null;
                form: string | null;
                festival: string | null;
                plannedOn: string | null;
                activityId: number | null;
                activity: {
                  id: number;
                  activityNo: string;
                  title: string;
                  /** @enum {string} */
                  status: 'draft' | 'published' | 'in_progress' | 'finished' | 'archived' | 'cancelled';
                  startsAt: string;
                } | null;
              } | null;
              weeks: {
                id: number;
                planId: number;
                month: number;
                week: number | null;
                title: string;
                description: string | null;
                form: string | null;
                festival: string | null;
                plannedOn: string | null;
                activityId: number | null;
                activity: {
                  id: number;
                  activityNo: string;
                  title: string;
                  /** @enum {string} */
                  status: 'draft' | 'published' | 'in_progress' | 'finished' | 'archived' | 'cancelled';
                  startsAt: string;
                } | null;
              }[];
            }[];
          };
        };
      };
    };
  };
  postPlansByIdItems: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          month: number;
          week?: number | null;
          title: string;
          description?: string | null;
          /** @enum {string|null} */
          form?: 'jiang' | 'ping' | 'bang' | 'le' | 'qing' | 'shu' | 'xing' | null;
          /** @enum {string|null} */
          festival?:
            | 'spring'
            | 'lantern'
            | 'qingming'
            | 'dragon_boat'
            | 'qixi'
            | 'mid_autumn'
            | 'double_ninth'
            | 'laba'
            | 'lei_feng'
            | 'national_day'
            | null;
          /** Format: date */
          plannedOn?: string | null;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            planId: number;
            month: number;
            week: number | null;
            title: string;
            description: string | null;
            form: string | null;
            festival: string | null;
            plannedOn: string | null;
            activityId: number | null;
            activity: {
              id: number;
              activityNo: string;
              title: string;
              /** @enum {string} */
              status: 'draft' | 'published' | 'in_progress' | 'finished' | 'archived' | 'cancelled';
              startsAt: string;
            } | null;
          };
        };
      };
    };
  };
  putPlanItemsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          month?: number;
          week?: number | null;
          title?: string;
          description?: string | null;
          /** @enum {string|null} */
          form?: 'jiang' | 'ping' | 'bang' | 'le' | 'qing' | 'shu' | 'xing' | null;
          /** @enum {string|null} */
          festival?:
            | 'spring'
            | 'lantern'
            | 'qingming'
            | 'dragon_boat'
            | 'qixi'
            | 'mid_autumn'
            | 'double_ninth'
            | 'laba'
            | 'lei_feng'
            | 'national_day'
            | null;
          /** Format: date */
          plannedOn?: string | null;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            planId: number;
            month: number;
            week: number | null;
            title: string;
            description: string | null;
            form: string | null;
            festival: string | null;
            plannedOn: string | null;
            activityId: number | null;
            activity: {
              id: number;
              activityNo: string;
              title: string;
              /** @enum {string} */
              status: 'draft' | 'published' | 'in_progress' | 'finished' | 'archived' | 'cancelled';
              startsAt: string;
            } | null;
          };
        };
      };
    };
  };
  deletePlanItemsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {boolean} */
            ok: true;
          };
        };
      };
    };
  };
  postPlanItemsByIdToActivity: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          title?: string;
          /** @enum {string|null} */
          platform?: 'theory' | 'education_sports' | 'culture_arts' | 'science' | 'health' | null;
          projectId?: number | null;
          teamId?: number | null;
          /** @enum {string} */
          form?: 'jiang' | 'ping' | 'bang' | 'le' | 'qing' | 'shu' | 'xing';
          /** @enum {string|null} */
          festival?:
            | 'spring'
            | 'lantern'
            | 'qingming'
            | 'dragon_boat'
            | 'qixi'
            | 'mid_autumn'
            | 'double_ninth'
            | 'laba'
            | 'lei_feng'
            | 'national_day'
            | null;
          microLecture?: boolean;
          description?: string | null;
          place: string;
          latitude?: number | null;
          longitude?: number | null;
          geofenceM?: number;
          /** Format: date-time */
          startsAt: string;
          /** Format: date-time */
          endsAt: string;
          capacity: number;
          /** Format: date-time */
          signupOpensAt?: string | null;
          /** Format: date-time */
          signupClosesAt?: string | null;
          /** @enum {string} */
          audience?: 'volunteers' | 'public';
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            item: {
              id: number;
              planId: number;
              month: number;
              week: number | null;
              title: string;
              description: string | null;
              form: string | null;
              festival: string | null;
              plannedOn: string | null;
              activityId: number | null;
              activity: {
                id: number;
                activityNo: string;
                title: string;
                /** @enum {string} */
                status: 'draft' | 'published' | 'in_progress' | 'finished' | 'archived' | 'cancelled';
                startsAt: string;
              } | null;
            };
            activity: {
              id: number;
              activityNo: string;
              orgId: number;
              orgName: string;
              seriesId: number | null;
              planItemId: number | null;
              title: string;
              platform: string | null;
              projectId: number | null;
              projectName: string | null;
              teamId: number | null;
              teamName: string | null;
              form: string;
              microLecture: boolean;
              festival: string | null;
              description: string | null;
              place: string;
              latitude: number | null;
              longitude: number | null;
              geofenceM: number;
              startsAt: string;
              endsAt: string;
              capacity: number;
              signupOpensAt: string | null;
              signupClosesAt: string | null;
              audience: string;
              /** @enum {string} */
              status: 'draft' | 'published' | 'in_progress' | 'finished' | 'archived' | 'cancelled';
              cancelReason: string | null;
              confirmedCount: number;
              waitlistCount: number;
              checkedInCount: number;
              photoCount: number;
              summary: string | null;
              videoLinks: string[];
              createdAt: string;
              editable: boolean;
            };
          };
        };
      };
    };
  };
  getPublicPlans: {
    parameters: {
      query: {
        orgId: number;
        year?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            orgId: number;
            orgName: string;
            year: number;
            plan: {
              id: number;
              orgId: number;
              orgName: string;
              year: number;
              title: string;
              summary: string | null;
              quarterThemes: string[];
              publishedAt: string | null;
              inherited: boolean;
              months: {
                month: number;
                focus: {
                  id: number;
                  month: number;
                  week: number | null;
                  title: string;
                  description: string | null;
                  form: string | null;
                  festival: string | null;
                  plannedOn: string | null;
                  activity: {
                    id: number;
                    startsAt: string;
                    place: string;
                    status: string;
                  } | null;
                } | null;
                weeks: {
                  id: number;
                  month: number;
                  week: number | null;
                  title: string;
                  description: string | null;
                  form: string | null;
                  festival: string | null;
                  plannedOn: string | null;
                  activity: {
                    id: number;
                    startsAt: string;
                    place: string;
                    status: string;
                  } | null;
                }[];
              }[];
            } | null;
          };
        };
      };
    };
  };
  getActivitiesByIdCheckinCode: {
    parameters: {
      query?: {
        direction?: 'in' | 'out';
      };
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            token: string;
            url: string;
            /** @enum {string} */
            direction: 'in' | 'out';
            expiresAt: string;
            refreshAt: string;
            periodSeconds: number;
          };
        };
      };
    };
  };
  getActivitiesByIdCheckins: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            activity: {
              id: number;
              activityNo: string;
              title: string;
              orgName: string;
              place: string;
              startsAt: string;
              endsAt: string;
              status: string;
            };
            totals: {
              signedUp: number;
              checkedIn: number;
              checkedOut: number;
              noShows: number;
              hours: number;
            };
            items: {
              volunteerId: number;
              volunteerName: string;
              volunteerNo: string | null;
              /** @enum {string|null} */
              signupStatus: 'confirmed' | 'waitlisted' | 'cancelled' | 'no_show' | null;
              attendanceConfirmedAt: string | null;
              checkedInAt: string | null;
              /** @enum {string|null} */
              inMethod: 'qr' | 'manual' | 'override' | 'close' | 'card' | null;
              distanceM: number | null;
              checkedOutAt: string | null;
              /** @enum {string|null} */
              outMethod: 'qr' | 'manual' | 'override' | 'close' | 'card' | null;
              note: string | null;
              hours: number | null;
              /** @enum {string|null} */
              recordStatus: 'pending' | 'confirmed' | 'rejected' | 'withdrawn' | null;
            }[];
          };
        };
      };
    };
  };
  postActivitiesByIdCheckins: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          volunteerId: number;
          /** @enum {string} */
          direction: 'in' | 'out';
          override?: boolean;
          reason?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            direction: 'in' | 'out';
            volunteerId: number;
            at: string;
            /** @enum {string} */
            method: 'qr' | 'manual' | 'override' | 'close' | 'card';
            alreadyDone: boolean;
            hours?: number;
          };
        };
      };
    };
  };
  postActivitiesByIdCardCheckins: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          code: string;
          /** @enum {string} */
          direction: 'in' | 'out';
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            direction: 'in' | 'out';
            volunteerId: number;
            volunteerName: string;
            volunteerNo: string;
            at: string;
            /** @enum {string} */
            method: 'qr' | 'manual' | 'override' | 'close' | 'card';
            alreadyDone: boolean;
            hours?: number;
          };
        };
      };
    };
  };
  getActivitiesByIdCheckinsXlsx: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  postMeCheckin: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          token: string;
          latitude?: number;
          longitude?: number;
          accuracy?: number;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            direction: 'in' | 'out';
            activityId: number;
            activityTitle: string;
            at: string;
            distanceM: number | null;
            alreadyDone: boolean;
            hours?: number;
          };
        };
      };
    };
  };
  postMeActivitiesByIdAttendance: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {boolean} */
            ok: true;
            attendanceConfirmedAt: string;
          };
        };
      };
    };
  };
  getCertificates: {
    parameters: {
      query?: {
        volunteerId?: number;
        q?: string;
        status?: 'valid' | 'revoked';
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              id: number;
              serial: string;
              volunteerId: number;
              volunteerName: string;
              volunteerNo: string;
              orgId: number;
              orgName: string;
              periodFrom: string;
              periodTo: string;
              totalHours: number;
              recordCount: number;
              selfService: boolean;
              handler: string;
              issuedAt: string;
              issuedByName: string;
              /** @enum {string} */
              status: 'valid' | 'revoked';
              revokedAt: string | null;
              revokeReason: string | null;
              revokedByName: string | null;
            }[];
            total: number;
          };
        };
      };
    };
  };
  postCertificates: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: date */
          from: string;
          /** Format: date */
          to: string;
          volunteerId: number;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            serial: string;
            volunteerId: number;
            volunteerName: string;
            volunteerNo: string;
            orgId: number;
            orgName: string;
            periodFrom: string;
            periodTo: string;
            totalHours: number;
            recordCount: number;
            selfService: boolean;
            handler: string;
            issuedAt: string;
            issuedByName: string;
            /** @enum {string} */
            status: 'valid' | 'revoked';
            revokedAt: string | null;
            revokeReason: string | null;
            revokedByName: string | null;
          };
        };
      };
    };
  };
  getCertificatesById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            serial: string;
            volunteerId: number;
            volunteerName: string;
            volunteerNo: string;
            orgId: number;
            orgName: string;
            periodFrom: string;
            periodTo: string;
            totalHours: number;
            recordCount: number;
            selfService: boolean;
            handler: string;
            issuedAt: string;
            issuedByName: string;
            /** @enum {string} */
            status: 'valid' | 'revoked';
            revokedAt: string | null;
            revokeReason: string | null;
            revokedByName: string | null;
          };
        };
      };
    };
  };
  getCertificatesByIdPdf: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  postCertificatesByIdRevoke: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          reason: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            serial: string;
            volunteerId: number;
            volunteerName: string;
            volunteerNo: string;
            orgId: number;
            orgName: string;
            periodFrom: string;
            periodTo: string;
            totalHours: number;
            recordCount: number;
            selfService: boolean;
            handler: string;
            issuedAt: string;
            issuedByName: string;
            /** @enum {string} */
            status: 'valid' | 'revoked';
            revokedAt: string | null;
            revokeReason: string | null;
            revokedByName: string | null;
          };
        };
      };
    };
  };
  getMeCertificates: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              id: number;
              serial: string;
              volunteerId: number;
              volunteerName: string;
              volunteerNo: string;
              orgId: number;
              orgName: string;
              periodFrom: string;
              periodTo: string;
              totalHours: number;
              recordCount: number;
              selfService: boolean;
              handler: string;
              issuedAt: string;
              issuedByName: string;
              /** @enum {string} */
              status: 'valid' | 'revoked';
              revokedAt: string | null;
              revokeReason: string | null;
              revokedByName: string | null;
            }[];
            total: number;
          };
        };
      };
    };
  };
  postMeCertificates: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: date */
          from: string;
          /** Format: date */
          to: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            serial: string;
            volunteerId: number;
            volunteerName: string;
            volunteerNo: string;
            orgId: number;
            orgName: string;
            periodFrom: string;
            periodTo: string;
            totalHours: number;
            recordCount: number;
            selfService: boolean;
            handler: string;
            issuedAt: string;
            issuedByName: string;
            /** @enum {string} */
            status: 'valid' | 'revoked';
            revokedAt: string | null;
            revokeReason: string | null;
            revokedByName: string | null;
          };
        };
      };
    };
  };
  getMeCertificatesByIdPdf: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  getPublicCertificatesBySerial: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        serial: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            serial: string;
            /** @enum {string} */
            status: 'valid' | 'revoked';
            signatureValid: boolean;
            keyId: string;
            facts: {
              volunteerName: string;
              volunteerNo: string;
              periodFrom: string;
              periodTo: string;
              totalHours: number;
              recordCount: number;
              issuerName: string;
              issuedOn: string;
            } | null;
            revokedAt: string | null;
            revokeReason: string | null;
          };
        };
      };
    };
  };
  getPointsRules: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              id: number;
              orgId: number | null;
              orgName: string;
              county: boolean;
              /** @enum {string} */
              kind: 'hour' | 'activity' | 'order' | 'festival' | 'five_star' | 'professional' | 'no_show';
              points: number;
              maxPoints: number | null;
              note: string | null;
              validFrom: string;
              validTo: string | null;
              version: number;
              canEdit: boolean;
            }[];
            canCreate: boolean;
            local: boolean;
          };
        };
      };
    };
  };
  postPointsRules: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @enum {string} */
          kind: 'hour' | 'activity' | 'order' | 'festival' | 'five_star' | 'professional' | 'no_show';
          points: number;
          maxPoints?: number | null;
          note?: string | null;
          /** Format: date */
          validFrom: string;
          /** Format: date */
          validTo?: string | null;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            orgId: number | null;
            orgName: string;
            county: boolean;
            /** @enum {string} */
            kind: 'hour' | 'activity' | 'order' | 'festival' | 'five_star' | 'professional' | 'no_show';
            points: number;
            maxPoints: number | null;
            note: string | null;
            validFrom: string;
            validTo: string | null;
            version: number;
            canEdit: boolean;
          };
        };
      };
    };
  };
  putPointsRulesById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @enum {string} */
          kind: 'hour' | 'activity' | 'order' | 'festival' | 'five_star' | 'professional' | 'no_show';
          points: number;
          maxPoints?: number | null;
          note?: string | null;
          /** Format: date */
          validFrom: string;
          /** Format: date */
          validTo?: string | null;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            orgId: number | null;
            orgName: string;
            county: boolean;
            /** @enum {string} */
            kind: 'hour' | 'activity' | 'order' | 'festival' | 'five_star' | 'professional' | 'no_show';
            points: number;
            maxPoints: number | null;
            note: string | null;
            validFrom: string;
            validTo: string | null;
            version: number;
            canEdit: boolean;
          };
        };
      };
    };
  };
  getPointsHoldersByHolderTypeById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        holderType: 'volunteer' | 'household';
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            holderType: 'volunteer' | 'household';
            holderId: number;
            name: string;
            no: string | null;
            balance: number;
            lifetime: number;
          };
        };
      };
    };
  };
  getPointsEntries: {
    parameters: {
      query?: {
        holderType?: 'volunteer' | 'household';
        holderId?: number;
        kind?: 'award' | 'penalty' | 'adjust' | 'spend' | 'reversal' | 'refund';
        from?: string;
        to?: string;
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              id: number;
              /** @enum {string} */
              holderType: 'volunteer' | 'household';
              holderId: number;
              holderName: string | null;
              holderNo: string | null;
              /** @enum {string} */
              kind: 'award' | 'penalty' | 'adjust' | 'spend' | 'reversal' | 'refund';
              ruleKind: string;
              delta: number;
              balanceAfter: number;
              lifetimeAfter: number;
              ruleVersion: number | null;
              sourceType: string;
              sourceId: number | null;
              reason: string;
              occurredAt: string;
            }[];
            total: number;
          };
        };
      };
    };
  };
  getPointsAdjustments: {
    parameters: {
      query?: {
        status?: 'pending' | 'confirmed' | 'cancelled';
        holderId?: number;
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              id: number;
              /** @enum {string} */
              holderType: 'volunteer' | 'household';
              holderId: number;
              holderName: string | null;
              holderNo: string | null;
              points: number;
              reason: string;
              /** @enum {string} */
              status: 'pending' | 'confirmed' | 'cancelled';
              createdBy: string | null;
              createdAt: string;
              decidedBy: string | null;
              decidedAt: string | null;
              canConfirm: boolean;
              canCancel: boolean;
            }[];
            total: number;
          };
        };
      };
    };
  };
  postPointsAdjustments: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /**
           * @default volunteer
           * @enum {string}
           */
          holderType?: 'volunteer' | 'household';
          holderId: number;
          points: number;
          reason: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            /** @enum {string} */
            holderType: 'volunteer' | 'household';
            holderId: number;
            holderName: string | null;
            holderNo: string | null;
            points: number;
            reason: string;
            /** @enum {string} */
            status: 'pending' | 'confirmed' | 'cancelled';
            createdBy: string | null;
            createdAt: string;
            decidedBy: string | null;
            decidedAt: string | null;
            canConfirm: boolean;
            canCancel: boolean;
          };
        };
      };
    };
  };
  postPointsAdjustmentsByIdConfirm: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            /** @enum {string} */
            holderType: 'volunteer' | 'household';
            holderId: number;
            holderName: string | null;
            holderNo: string | null;
            points: number;
            reason: string;
            /** @enum {string} */
            status: 'pending' | 'confirmed' | 'cancelled';
            createdBy: string | null;
            createdAt: string;
            decidedBy: string | null;
            decidedAt: string | null;
            canConfirm: boolean;
            canCancel: boolean;
          };
        };
      };
    };
  };
  postPointsAdjustmentsByIdCancel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            /** @enum {string} */
            holderType: 'volunteer' | 'household';
            holderId: number;
            holderName: string | null;
            holderNo: string | null;
            points: number;
            reason: string;
            /** @enum {string} */
            status: 'pending' | 'confirmed' | 'cancelled';
            createdBy: string | null;
            createdAt: string;
            decidedBy: string | null;
            decidedAt: string | null;
            canConfirm: boolean;
            canCancel: boolean;
          };
        };
      };
    };
  };
  getMePoints: {
    parameters: {
      query?: {
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            balance: number;
            lifetime: number;
            items: {
              id: number;
              /** @enum {string} */
              holderType: 'volunteer' | 'household';
              holderId: number;
              /** @enum {string} */
              kind: 'award' | 'penalty' | 'adjust' | 'spend' | 'reversal' | 'refund';
              ruleKind: string;
              delta: number;
              balanceAfter: number;
              lifetimeAfter: number;
              ruleVersion: number | null;
              sourceType: string;
              sourceId: number | null;
              reason: string;
              occurredAt: string;
            }[];
            total: number;
          };
        };
      };
    };
  };
  getHouseholds: {
    parameters: {
      query?: {
        orgId?: number;
        keyword?: string;
        active?: 'true' | 'false';
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              id: number;
              orgId: number;
              orgName: string;
              householdNo: string;
              headName: string;
              members: {
                name: string;
                relation: string;
              }[];
              phone: string | null;
              active: boolean;
              linked: boolean;
              balance: number;
              lifetime: number;
              pendingAwards: number;
              updatedAt: string | null;
            }[];
            total: number;
          };
        };
      };
    };
  };
  postHouseholds: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          orgId?: number;
          householdNo: string;
          headName: string;
          /** @default [] */
          members?: {
            name: string;
            relation: string;
          }[];
          phone?: string | null;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            orgId: number;
            orgName: string;
            householdNo: string;
            headName: string;
            members: {
              name: string;
              relation: string;
            }[];
            phone: string | null;
            active: boolean;
            linked: boolean;
            balance: number;
            lifetime: number;
            pendingAwards: number;
            updatedAt: string | null;
          };
        };
      };
    };
  };
  getHouseholdsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            household: {
              id: number;
              orgId: number;
              orgName: string;
              householdNo: string;
              headName: string;
              members: {
                name: string;
                relation: string;
              }[];
              phone: string | null;
              active: boolean;
              linked: boolean;
              balance: number;
              lifetime: number;
              pendingAwards: number;
              updatedAt: string | null;
            };
            entries: {
              id: number;
              kind: string;
              delta: number;
              balanceAfter: number;
              lifetimeAfter: number;
              reason: string;
              sourceType: string;
              sourceId: number | null;
              occurredAt: string;
            }[];
            awards: {
              id: number;
              householdId: number;
              householdNo: string;
              headName: string;
              orgId: number;
              orgName: string;
              ruleId: number;
              ruleName: string;
              points: number;
              note: string;
              photoUrl: string | null;
              /** @enum {string} */
              status: 'pending' | 'posted' | 'rejected' | 'voided';
              createdBy: string;
              createdByMe: boolean;
              createdAt: string | null;
              decidedBy: string | null;
              decidedAt: string | null;
              rejectReason: string | null;
              voidedBy: string | null;
              voidedAt: string | null;
              voidReason: string | null;
            }[];
          };
        };
      };
    };
  };
  patchHouseholdsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          householdNo?: string;
          headName?: string;
          members?: {
            name: string;
            relation: string;
          }[];
          phone?: string | null;
          active?: boolean;
          residentPhone?: string | null;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            orgId: number;
            orgName: string;
            householdNo: string;
            headName: string;
            members: {
              name: string;
              relation: string;
            }[];
            phone: string | null;
            active: boolean;
            linked: boolean;
            balance: number;
            lifetime: number;
            pendingAwards: number;
            updatedAt: string | null;
          };
        };
      };
    };
  };
  postHouseholdsByIdReveal: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            phone: string | null;
          };
        };
      };
    };
  };
  getHouseholdsRules: {
    parameters: {
      query?: {
        orgId?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              id: number;
              orgId: number;
              orgName: string;
              name: string;
              description: string;
              points: number;
              active: boolean;
              inherited: boolean;
            }[];
          };
        };
      };
    };
  };
  postHouseholdsRules: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          orgId?: number;
          name: string;
          /** @default  */
          description?: string;
          points: number;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            orgId: number;
            orgName: string;
            name: string;
            description: string;
            points: number;
            active: boolean;
            inherited: boolean;
          };
        };
      };
    };
  };
  patchHouseholdsRulesById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name?: string;
          description?: string;
          points?: number;
          active?: boolean;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            orgId: number;
            orgName: string;
            name: string;
            description: string;
            points: number;
            active: boolean;
            inherited: boolean;
          };
        };
      };
    };
  };
  getHouseholdsSettings: {
    parameters: {
      query?: {
        orgId?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            orgId: number;
            orgName: string;
            /** @enum {string} */
            boardMode: 'full' | 'masked' | 'number';
            boardEnabled: boolean;
            confirmThreshold: number;
          };
        };
      };
    };
  };
  patchHouseholdsSettings: {
    parameters: {
      query?: {
        orgId?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @enum {string} */
          boardMode?: 'full' | 'masked' | 'number';
          boardEnabled?: boolean;
          confirmThreshold?: number;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            orgId: number;
            orgName: string;
            /** @enum {string} */
            boardMode: 'full' | 'masked' | 'number';
            boardEnabled: boolean;
            confirmThreshold: number;
          };
        };
      };
    };
  };
  postHouseholdsByIdAwards: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            householdId: number;
            householdNo: string;
            headName: string;
            orgId: number;
            orgName: string;
            ruleId: number;
            ruleName: string;
            points: number;
            note: string;
            photoUrl: string | null;
            /** @enum {string} */
            status: 'pending' | 'posted' | 'rejected' | 'voided';
            createdBy: string;
            createdByMe: boolean;
            createdAt: string | null;
            decidedBy: string | null;
            decidedAt: string | null;
            rejectReason: string | null;
            voidedBy: string | null;
            voidedAt: string | null;
            voidReason: string | null;
          };
        };
      };
    };
  };
  getHouseholdsAwards: {
    parameters: {
      query?: {
        orgId?: number;
        status?: 'pending' | 'posted' | 'rejected' | 'voided';
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              id: number;
              householdId: number;
              householdNo: string;
              headName: string;
              orgId: number;
              orgName: string;
              ruleId: number;
              ruleName: string;
              points: number;
              note: string;
              photoUrl: string | null;
              /** @enum {string} */
              status: 'pending' | 'posted' | 'rejected' | 'voided';
              createdBy: string;
              createdByMe: boolean;
              createdAt: string | null;
              decidedBy: string | null;
              decidedAt: string | null;
              rejectReason: string | null;
              voidedBy: string | null;
              voidedAt: string | null;
              voidReason: string | null;
            }[];
            total: number;
          };
        };
      };
    };
  };
  getHouseholdsAwardsByIdPhoto: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description 图片内容（二进制） */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'image/jpeg': unknown;
          'image/png': unknown;
          'image/webp': unknown;
        };
      };
    };
  };
  postHouseholdsAwardsByIdPhoto: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            householdId: number;
            householdNo: string;
            headName: string;
            orgId: number;
            orgName: string;
            ruleId: number;
            ruleName: string;
            points: number;
            note: string;
            photoUrl: string | null;
            /** @enum {string} */
            status: 'pending' | 'posted' | 'rejected' | 'voided';
            createdBy: string;
            createdByMe: boolean;
            createdAt: string | null;
            decidedBy: string | null;
            decidedAt: string | null;
            rejectReason: string | null;
            voidedBy: string | null;
            voidedAt: string | null;
            voidReason: string | null;
          };
        };
      };
    };
  };
  postHouseholdsAwardsByIdConfirm: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            householdId: number;
            householdNo: string;
            headName: string;
            orgId: number;
            orgName: string;
            ruleId: number;
            ruleName: string;
            points: number;
            note: string;
            photoUrl: string | null;
            /** @enum {string} */
            status: 'pending' | 'posted' | 'rejected' | 'voided';
            createdBy: string;
            createdByMe: boolean;
            createdAt: string | null;
            decidedBy: string | null;
            decidedAt: string | null;
            rejectReason: string | null;
            voidedBy: string | null;
            voidedAt: string | null;
            voidReason: string | null;
          };
        };
      };
    };
  };
  postHouseholdsAwardsByIdReject: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          reason: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            householdId: number;
            householdNo: string;
            headName: string;
            orgId: number;
            orgName: string;
            ruleId: number;
            ruleName: string;
            points: number;
            note: string;
            photoUrl: string | null;
            /** @enum {string} */
            status: 'pending' | 'posted' | 'rejected' | 'voided';
            createdBy: string;
            createdByMe: boolean;
            createdAt: string | null;
            decidedBy: string | null;
            decidedAt: string | null;
            rejectReason: string | null;
            voidedBy: string | null;
            voidedAt: string | null;
            voidReason: string | null;
          };
        };
      };
    };
  };
  postHouseholdsAwardsByIdVoid: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          reason: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            householdId: number;
            householdNo: string;
            headName: string;
            orgId: number;
            orgName: string;
            ruleId: number;
            ruleName: string;
            points: number;
            note: string;
            photoUrl: string | null;
            /** @enum {string} */
            status: 'pending' | 'posted' | 'rejected' | 'voided';
            createdBy: string;
            createdByMe: boolean;
            createdAt: string | null;
            decidedBy: string | null;
            decidedAt: string | null;
            rejectReason: string | null;
            voidedBy: string | null;
            voidedAt: string | null;
            voidReason: string | null;
          };
        };
      };
    };
  };
  getPublicHouseholdBoardByOrgId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        orgId: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            orgId: number;
            orgName: string;
            /** @enum {string} */
            mode: 'full' | 'masked' | 'number';
            rows: {
              rank: number;
              householdNo: string;
              name: string | null;
              lifetime: number;
            }[];
          };
        };
      };
    };
  };
  getMeHousehold: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            household: {
              householdNo: string;
              headName: string;
              orgId: number;
              orgName: string;
              balance: number;
              lifetime: number;
              entries: {
                id: number;
                kind: string;
                delta: number;
                balanceAfter: number;
                lifetimeAfter: number;
                reason: string;
                sourceType: string;
                sourceId: number | null;
                occurredAt: string;
              }[];
            } | null;
          };
        };
      };
    };
  };
  getStoreItems: {
    parameters: {
      query?: {
        orgId?: number;
        keyword?: string;
        onShelf?: 'true' | 'false';
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              id: number;
              orgId: number;
              orgName: string;
              /** @enum {string} */
              kind: 'goods' | 'service';
              name: string;
              description: string;
              price: number;
              stock: number | null;
              limitCount: number | null;
              /** @enum {string|null} */
              limitPeriod: 'day' | 'week' | 'month' | 'year' | 'total' | null;
              availableFrom: string | null;
              availableUntil: string | null;
              pickupDays: number;
              photoUrl: string | null;
              onShelf: boolean;
              pending: number;
              updatedAt: string;
            }[];
            total: number;
          };
        };
      };
    };
  };
  postStoreItems: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          orgId?: number;
          /** @enum {string} */
          kind: 'goods' | 'service';
          name: string;
          /** @default  */
          description?: string;
          price: number;
          stock: number | null;
          /** @default null */
          limitCount?: number | null;
          /**
           * @default null
           * @enum {string|null}
           */
          limitPeriod?: 'day' | 'week' | 'month' | 'year' | 'total' | null;
          /**
           * Format: date-time
           * @default null
           */
          availableFrom?: string | null;
          /**
           * Format: date-time
           * @default null
           */
          availableUntil?: string | null;
          pickupDays?: number;
          /** @default false */
          onShelf?: boolean;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            orgId: number;
            orgName: string;
            /** @enum {string} */
            kind: 'goods' | 'service';
            name: string;
            description: string;
            price: number;
            stock: number | null;
            limitCount: number | null;
            /** @enum {string|null} */
            limitPeriod: 'day' | 'week' | 'month' | 'year' | 'total' | null;
            availableFrom: string | null;
            availableUntil: string | null;
            pickupDays: number;
            photoUrl: string | null;
            onShelf: boolean;
            pending: number;
            updatedAt: string;
          };
        };
      };
    };
  };
  getStoreItemsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            orgId: number;
            orgName: string;
            /** @enum {string} */
            kind: 'goods' | 'service';
            name: string;
            description: string;
            price: number;
            stock: number | null;
            limitCount: number | null;
            /** @enum {string|null} */
            limitPeriod: 'day' | 'week' | 'month' | 'year' | 'total' | null;
            availableFrom: string | null;
            availableUntil: string | null;
            pickupDays: number;
            photoUrl: string | null;
            onShelf: boolean;
            pending: number;
            updatedAt: string;
          };
        };
      };
    };
  };
  patchStoreItemsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @enum {string} */
          kind?: 'goods' | 'service';
          name?: string;
          description?: string;
          price?: number;
          stock?: number | null;
          limitCount?: number | null;
          /** @enum {string|null} */
          limitPeriod?: 'day' | 'week' | 'month' | 'year' | 'total' | null;
          /** Format: date-time */
          availableFrom?: string | null;
          /** Format: date-time */
          availableUntil?: string | null;
          pickupDays?: number;
          onShelf?: boolean;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            orgId: number;
            orgName: string;
            /** @enum {string} */
            kind: 'goods' | 'service';
            name: string;
            description: string;
            price: number;
            stock: number | null;
            limitCount: number | null;
            /** @enum {string|null} */
            limitPeriod: 'day' | 'week' | 'month' | 'year' | 'total' | null;
            availableFrom: string | null;
            availableUntil: string | null;
            pickupDays: number;
            photoUrl: string | null;
            onShelf: boolean;
            pending: number;
            updatedAt: string;
          };
        };
      };
    };
  };
  getStoreItemsByIdPhoto: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description 图片内容（二进制） */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'image/jpeg': unknown;
          'image/png': unknown;
          'image/webp': unknown;
        };
      };
    };
  };
  postStoreItemsByIdPhoto: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            orgId: number;
            orgName: string;
            /** @enum {string} */
            kind: 'goods' | 'service';
            name: string;
            description: string;
            price: number;
            stock: number | null;
            limitCount: number | null;
            /** @enum {string|null} */
            limitPeriod: 'day' | 'week' | 'month' | 'year' | 'total' | null;
            availableFrom: string | null;
            availableUntil: string | null;
            pickupDays: number;
            photoUrl: string | null;
            onShelf: boolean;
            pending: number;
            updatedAt: string;
          };
        };
      };
    };
  };
  getStoreRedemptions: {
    parameters: {
      query?: {
        orgId?: number;
        status?: 'pending' | 'handed_over' | 'cancelled' | 'expired';
        keyword?: string;
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              id: number;
              itemId: number;
              itemName: string;
              /** @enum {string} */
              itemKind: 'goods' | 'service';
              orgId: number;
              orgName: string;
              price: number;
              /** @enum {string} */
              status: 'pending' | 'handed_over' | 'cancelled' | 'expired';
              createdAt: string;
              expiresAt: string;
              handedOverAt: string | null;
              cancelledAt: string | null;
              cancelReason: string | null;
              expiredAt: string | null;
              /** @enum {string} */
              holderType: 'volunteer' | 'household';
              holderName: string;
              holderNo: string;
              handedOverBy: string | null;
              cancelledBy: string | null;
            }[];
            total: number;
          };
        };
      };
    };
  };
  getStoreRedemptionsLookup: {
    parameters: {
      query: {
        code: string;
        orgId?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            itemId: number;
            itemName: string;
            /** @enum {string} */
            itemKind: 'goods' | 'service';
            orgId: number;
            orgName: string;
            price: number;
            /** @enum {string} */
            status: 'pending' | 'handed_over' | 'cancelled' | 'expired';
            createdAt: string;
            expiresAt: string;
            handedOverAt: string | null;
            cancelledAt: string | null;
            cancelReason: string | null;
            expiredAt: string | null;
            /** @enum {string} */
            holderType: 'volunteer' | 'household';
            holderName: string;
            holderNo: string;
            handedOverBy: string | null;
            cancelledBy: string | null;
          };
        };
      };
    };
  };
  postStoreRedemptionsHousehold: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          itemId: number;
          householdNo: string;
          householdOrgId?: number;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            itemId: number;
            itemName: string;
            /** @enum {string} */
            itemKind: 'goods' | 'service';
            orgId: number;
            orgName: string;
            price: number;
            /** @enum {string} */
            status: 'pending' | 'handed_over' | 'cancelled' | 'expired';
            createdAt: string;
            expiresAt: string;
            handedOverAt: string | null;
            cancelledAt: string | null;
            cancelReason: string | null;
            expiredAt: string | null;
            /** @enum {string} */
            holderType: 'volunteer' | 'household';
            holderName: string;
            holderNo: string;
            handedOverBy: string | null;
            cancelledBy: string | null;
          };
        };
      };
    };
  };
  postStoreRedemptionsByIdHandover: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            itemId: number;
            itemName: string;
            /** @enum {string} */
            itemKind: 'goods' | 'service';
            orgId: number;
            orgName: string;
            price: number;
            /** @enum {string} */
            status: 'pending' | 'handed_over' | 'cancelled' | 'expired';
            createdAt: string;
            expiresAt: string;
            handedOverAt: string | null;
            cancelledAt: string | null;
            cancelReason: string | null;
            expiredAt: string | null;
            /** @enum {string} */
            holderType: 'volunteer' | 'household';
            holderName: string;
            holderNo: string;
            handedOverBy: string | null;
            cancelledBy: string | null;
          };
        };
      };
    };
  };
  postStoreRedemptionsByIdCancel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          reason: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            itemId: number;
            itemName: string;
            /** @enum {string} */
            itemKind: 'goods' | 'service';
            orgId: number;
            orgName: string;
            price: number;
            /** @enum {string} */
            status: 'pending' | 'handed_over' | 'cancelled' | 'expired';
            createdAt: string;
            expiresAt: string;
            handedOverAt: string | null;
            cancelledAt: string | null;
            cancelReason: string | null;
            expiredAt: string | null;
            /** @enum {string} */
            holderType: 'volunteer' | 'household';
            holderName: string;
            holderNo: string;
            handedOverBy: string | null;
            cancelledBy: string | null;
          };
        };
      };
    };
  };
  getMeStore: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            balance: number;
            items: {
              id: number;
              orgId: number;
              orgName: string;
              /** @enum {string} */
              kind: 'goods' | 'service';
              name: string;
              description: string;
              price: number;
              stock: number | null;
              limitCount: number | null;
              /** @enum {string|null} */
              limitPeriod: 'day' | 'week' | 'month' | 'year' | 'total' | null;
              availableFrom: string | null;
              availableUntil: string | null;
              pickupDays: number;
              photoUrl: string | null;
              onShelf: boolean;
              remaining: number | null;
              blocked: string | null;
            }[];
          };
        };
      };
    };
  };
  getMeStoreRedemptions: {
    parameters: {
      query?: {
        status?: 'pending' | 'handed_over' | 'cancelled' | 'expired';
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              id: number;
              itemId: number;
              itemName: string;
              /** @enum {string} */
              itemKind: 'goods' | 'service';
              orgId: number;
              orgName: string;
              price: number;
              /** @enum {string} */
              status: 'pending' | 'handed_over' | 'cancelled' | 'expired';
              createdAt: string;
              expiresAt: string;
              handedOverAt: string | null;
              cancelledAt: string | null;
              cancelReason: string | null;
              expiredAt: string | null;
              pickupCode: string | null;
              pickupQr: string | null;
            }[];
            total: number;
          };
        };
      };
    };
  };
  postMeStoreRedemptions: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          itemId: number;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            itemId: number;
            itemName: string;
            /** @enum {string} */
            itemKind: 'goods' | 'service';
            orgId: number;
            orgName: string;
            price: number;
            /** @enum {string} */
            status: 'pending' | 'handed_over' | 'cancelled' | 'expired';
            createdAt: string;
            expiresAt: string;
            handedOverAt: string | null;
            cancelledAt: string | null;
            cancelReason: string | null;
            expiredAt: string | null;
            pickupCode: string | null;
            pickupQr: string | null;
          };
        };
      };
    };
  };
  getMeStoreRedemptionsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            itemId: number;
            itemName: string;
            /** @enum {string} */
            itemKind: 'goods' | 'service';
            orgId: number;
            orgName: string;
            price: number;
            /** @enum {string} */
            status: 'pending' | 'handed_over' | 'cancelled' | 'expired';
            createdAt: string;
            expiresAt: string;
            handedOverAt: string | null;
            cancelledAt: string | null;
            cancelReason: string | null;
            expiredAt: string | null;
            pickupCode: string | null;
            pickupQr: string | null;
          };
        };
      };
    };
  };
  postMeStoreRedemptionsByIdCancel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          reason?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            itemId: number;
            itemName: string;
            /** @enum {string} */
            itemKind: 'goods' | 'service';
            orgId: number;
            orgName: string;
            price: number;
            /** @enum {string} */
            status: 'pending' | 'handed_over' | 'cancelled' | 'expired';
            createdAt: string;
            expiresAt: string;
            handedOverAt: string | null;
            cancelledAt: string | null;
            cancelReason: string | null;
            expiredAt: string | null;
            pickupCode: string | null;
            pickupQr: string | null;
          };
        };
      };
    };
  };
  getMeHouseholdStore: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            balance: number;
            items: {
              id: number;
              orgId: number;
              orgName: string;
              /** @enum {string} */
              kind: 'goods' | 'service';
              name: string;
              description: string;
              price: number;
              stock: number | null;
              limitCount: number | null;
              /** @enum {string|null} */
              limitPeriod: 'day' | 'week' | 'month' | 'year' | 'total' | null;
              availableFrom: string | null;
              availableUntil: string | null;
              pickupDays: number;
              photoUrl: string | null;
              onShelf: boolean;
              remaining: number | null;
              blocked: string | null;
            }[];
          };
        };
      };
    };
  };
  getMeHouseholdStoreRedemptions: {
    parameters: {
      query?: {
        status?: 'pending' | 'handed_over' | 'cancelled' | 'expired';
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              id: number;
              itemId: number;
              itemName: string;
              /** @enum {string} */
              itemKind: 'goods' | 'service';
              orgId: number;
              orgName: string;
              price: number;
              /** @enum {string} */
              status: 'pending' | 'handed_over' | 'cancelled' | 'expired';
              createdAt: string;
              expiresAt: string;
              handedOverAt: string | null;
              cancelledAt: string | null;
              cancelReason: string | null;
              expiredAt: string | null;
              pickupCode: string | null;
              pickupQr: string | null;
            }[];
            total: number;
          };
        };
      };
    };
  };
  postMeHouseholdStoreRedemptions: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          itemId: number;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            itemId: number;
            itemName: string;
            /** @enum {string} */
            itemKind: 'goods' | 'service';
            orgId: number;
            orgName: string;
            price: number;
            /** @enum {string} */
            status: 'pending' | 'handed_over' | 'cancelled' | 'expired';
            createdAt: string;
            expiresAt: string;
            handedOverAt: string | null;
            cancelledAt: string | null;
            cancelReason: string | null;
            expiredAt: string | null;
            pickupCode: string | null;
            pickupQr: string | null;
          };
        };
      };
    };
  };
  getMeHouseholdStoreRedemptionsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            itemId: number;
            itemName: string;
            /** @enum {string} */
            itemKind: 'goods' | 'service';
            orgId: number;
            orgName: string;
            price: number;
            /** @enum {string} */
            status: 'pending' | 'handed_over' | 'cancelled' | 'expired';
            createdAt: string;
            expiresAt: string;
            handedOverAt: string | null;
            cancelledAt: string | null;
            cancelReason: string | null;
            expiredAt: string | null;
            pickupCode: string | null;
            pickupQr: string | null;
          };
        };
      };
    };
  };
  postMeHouseholdStoreRedemptionsByIdCancel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          reason?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            itemId: number;
            itemName: string;
            /** @enum {string} */
            itemKind: 'goods' | 'service';
            orgId: number;
            orgName: string;
            price: number;
            /** @enum {string} */
            status: 'pending' | 'handed_over' | 'cancelled' | 'expired';
            createdAt: string;
            expiresAt: string;
            handedOverAt: string | null;
            cancelledAt: string | null;
            cancelReason: string | null;
            expiredAt: string | null;
            pickupCode: string | null;
            pickupQr: string | null;
          };
        };
      };
    };
  };
  getHonoursRankings: {
    parameters: {
      query: {
        year: number;
        orgId?: number;
        top?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            year: number;
            orgId: number;
            orgName: string;
            minHours: number;
            candidates: number;
            eligible: number;
            excludedTooFewHours: number;
            excludedDisputed: number;
            byHours: {
              rank: number;
              volunteerId: number;
              volunteerNo: string;
              name: string;
              orgName: string;
              yearHours: number;
              yearPoints: number;
              records: number;
              lifetimeHours: number;
              starLevel: number;
              phoneMasked: string | null;
            }[];
            byPoints: {
              rank: number;
              volunteerId: number;
              volunteerNo: string;
              name: string;
              orgName: string;
              yearHours: number;
              yearPoints: number;
              records: number;
              lifetimeHours: number;
              starLevel: number;
              phoneMasked: string | null;
            }[];
            partyMembers: {
              total: number;
              met: number;
            };
            starCounts: {
              level: number;
              count: number;
            }[];
            households: {
              minAwards: number;
              candidates: number;
              eligible: number;
              excludedTooFewAwards: number;
              excludedVoided: number;
              byPoints: {
                rank: number;
                householdId: number;
                householdNo: string;
                headName: string;
                orgName: string;
                yearPoints: number;
                postedAwards: number;
              }[];
            };
          };
        };
      };
    };
  };
  getHonoursExport: {
    parameters: {
      query: {
        year: number;
        orgId?: number;
        top?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  getHonoursMilestones: {
    parameters: {
      query: {
        year: number;
        orgId?: number;
        hours?: number;
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            total: number;
            items: {
              volunteerId: number;
              volunteerNo: string;
              name: string;
              orgName: string;
              hours: number;
              starLevel: number;
              reachedAt: string;
            }[];
          };
        };
      };
    };
  };
  getHonoursPrivileges: {
    parameters: {
      query?: {
        orgId?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              id: number;
              orgId: number;
              orgName: string;
              name: string;
              description: string;
              minStar: number;
              active: boolean;
              updatedAt: string;
            }[];
          };
        };
      };
    };
  };
  postHonoursPrivileges: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          orgId?: number;
          name: string;
          /** @default  */
          description?: string;
          minStar: number;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            orgId: number;
            orgName: string;
            name: string;
            description: string;
            minStar: number;
            active: boolean;
            updatedAt: string;
          };
        };
      };
    };
  };
  patchHonoursPrivilegesById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name?: string;
          description?: string;
          minStar?: number;
          active?: boolean;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            orgId: number;
            orgName: string;
            name: string;
            description: string;
            minStar: number;
            active: boolean;
            updatedAt: string;
          };
        };
      };
    };
  };
  getHonoursMyPrivileges: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            starLevel: number;
            lifetimeHours: number;
            milestones: {
              hours: number;
              starLevel: number;
              reachedAt: string;
            }[];
            privileges: {
              id: number;
              orgId: number;
              orgName: string;
              name: string;
              description: string;
              minStar: number;
              active: boolean;
              updatedAt: string;
              earned: boolean;
            }[];
          };
        };
      };
    };
  };
  getMeVolunteerCardPrivileges: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            starLevel: number;
            privileges: {
              id: number;
              name: string;
              description: string;
              minStar: number;
              orgName: string;
            }[];
          };
        };
      };
    };
  };
  getVolunteersByIdCardPrivileges: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            starLevel: number;
            privileges: {
              id: number;
              name: string;
              description: string;
              minStar: number;
              orgName: string;
            }[];
          };
        };
      };
    };
  };
  getTasks: {
    parameters: {
      query?: {
        mine?: 'issued' | 'received';
        status?: 'open' | 'cancelled';
        keyword?: string;
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              id: number;
              orgId: number;
              orgName: string;
              title: string;
              description: string;
              deadline: string;
              requiresText: boolean;
              minPhotos: number;
              allowLinks: boolean;
              maxScore: number | null;
              /** @enum {string} */
              status: 'open' | 'cancelled';
              createdBy: string | null;
              createdAt: string;
              cancelledAt: string | null;
              cancelReason: string | null;
              canManage: boolean;
              progress: {
                assigned: number;
                pending: number;
                submitted: number;
                returned: number;
                approved: number;
                overdue: number;
              };
            }[];
            total: number;
          };
        };
      };
    };
  };
  postTasks: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          title: string;
          /** @default  */
          description?: string;
          /** Format: date-time */
          deadline: string;
          /** @default true */
          requiresText?: boolean;
          /** @default 0 */
          minPhotos?: number;
          /** @default true */
          allowLinks?: boolean;
          /** @default null */
          maxScore?: number | null;
          /** @default [] */
          orgIds?: number[];
          /** @default [] */
          stationsUnder?: number[];
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            orgId: number;
            orgName: string;
            title: string;
            description: string;
            deadline: string;
            requiresText: boolean;
            minPhotos: number;
            allowLinks: boolean;
            maxScore: number | null;
            /** @enum {string} */
            status: 'open' | 'cancelled';
            createdBy: string | null;
            createdAt: string;
            cancelledAt: string | null;
            cancelReason: string | null;
            canManage: boolean;
            progress: {
              assigned: number;
              pending: number;
              submitted: number;
              returned: number;
              approved: number;
              overdue: number;
            };
          };
        };
      };
    };
  };
  getTasksTodo: {
    parameters: {
      query?: {
        show?: 'open' | 'done' | 'all';
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              id: number;
              taskId: number;
              taskTitle: string;
              issuerName: string;
              orgId: number;
              orgName: string;
              /** @enum {string} */
              state: 'pending' | 'submitted' | 'returned' | 'approved' | 'overdue' | 'cancelled';
              dueAt: string;
              taskDeadline: string;
              extended: boolean;
              extensionReason: string | null;
              submittedAt: string | null;
              approvedAt: string | null;
              score: number | null;
              maxScore: number | null;
              returnReason: string | null;
            }[];
            total: number;
          };
        };
      };
    };
  };
  getTasksTodoCounts: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            toReport: number;
            returned: number;
            overdue: number;
            submitted: number;
            dueSoon: number;
            toReview: number;
          };
        };
      };
    };
  };
  getTasksById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            orgId: number;
            orgName: string;
            title: string;
            description: string;
            deadline: string;
            requiresText: boolean;
            minPhotos: number;
            allowLinks: boolean;
            maxScore: number | null;
            /** @enum {string} */
            status: 'open' | 'cancelled';
            createdBy: string | null;
            createdAt: string;
            cancelledAt: string | null;
            cancelReason: string | null;
            canManage: boolean;
            progress: {
              assigned: number;
              pending: number;
              submitted: number;
              returned: number;
              approved: number;
              overdue: number;
            };
          };
        };
      };
    };
  };
  getTasksByIdAssignments: {
    parameters: {
      query?: {
        state?: 'pending' | 'submitted' | 'returned' | 'approved' | 'overdue' | 'cancelled';
        keyword?: string;
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              id: number;
              taskId: number;
              taskTitle: string;
              issuerName: string;
              orgId: number;
              orgName: string;
              /** @enum {string} */
              state: 'pending' | 'submitted' | 'returned' | 'approved' | 'overdue' | 'cancelled';
              dueAt: string;
              taskDeadline: string;
              extended: boolean;
              extensionReason: string | null;
              submittedAt: string | null;
              approvedAt: string | null;
              score: number | null;
              maxScore: number | null;
              returnReason: string | null;
            }[];
            total: number;
          };
        };
      };
    };
  };
  postTasksByIdCancel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          reason: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            orgId: number;
            orgName: string;
            title: string;
            description: string;
            deadline: string;
            requiresText: boolean;
            minPhotos: number;
            allowLinks: boolean;
            maxScore: number | null;
            /** @enum {string} */
            status: 'open' | 'cancelled';
            createdBy: string | null;
            createdAt: string;
            cancelledAt: string | null;
            cancelReason: string | null;
            canManage: boolean;
            progress: {
              assigned: number;
              pending: number;
              submitted: number;
              returned: number;
              approved: number;
              overdue: number;
            };
          };
        };
      };
    };
  };
  getTasksAssignmentsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            taskId: number;
            taskTitle: string;
            issuerName: string;
            orgId: number;
            orgName: string;
            /** @enum {string} */
            state: 'pending' | 'submitted' | 'returned' | 'approved' | 'overdue' | 'cancelled';
            dueAt: string;
            taskDeadline: string;
            extended: boolean;
            extensionReason: string | null;
            submittedAt: string | null;
            approvedAt: string | null;
            score: number | null;
            maxScore: number | null;
            returnReason: string | null;
            task: {
              id: number;
              orgId: number;
              orgName: string;
              title: string;
              description: string;
              deadline: string;
              requiresText: boolean;
              minPhotos: number;
              allowLinks: boolean;
              maxScore: number | null;
              /** @enum {string} */
              status: 'open' | 'cancelled';
              createdBy: string | null;
              createdAt: string;
              cancelledAt: string | null;
              cancelReason: string | null;
              canManage: boolean;
            };
            canReport: boolean;
            canManage: boolean;
            draftPhotos: {
              id: string;
              url: string;
            }[];
            reports: {
              id: number;
              text: string;
              links: string[];
              photoUrls: string[];
              submittedBy: string | null;
              submittedAt: string;
              late: boolean;
              /** @enum {string|null} */
              decision: 'approved' | 'returned' | null;
              score: number | null;
              comment: string | null;
              decidedBy: string | null;
              decidedAt: string | null;
            }[];
          };
        };
      };
    };
  };
  postTasksAssignmentsByIdPhotos: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            url: string;
          };
        };
      };
    };
  };
  getTasksAssignmentsByIdPhotosByPhotoId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
        photoId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description 图片内容（二进制） */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'image/jpeg': unknown;
          'image/png': unknown;
          'image/webp': unknown;
        };
      };
    };
  };
  deleteTasksAssignmentsByIdPhotosByPhotoId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
        photoId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {boolean} */
            ok: true;
          };
        };
      };
    };
  };
  postTasksAssignmentsByIdReports: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @default  */
          text?: string;
          /** @default [] */
          links?: string[];
          /** @default [] */
          photoIds?: string[];
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            taskId: number;
            taskTitle: string;
            issuerName: string;
            orgId: number;
            orgName: string;
            /** @enum {string} */
            state: 'pending' | 'submitted' | 'returned' | 'approved' | 'overdue' | 'cancelled';
            dueAt: string;
            taskDeadline: string;
            extended: boolean;
            extensionReason: string | null;
            submittedAt: string | null;
            approvedAt: string | null;
            score: number | null;
            maxScore: number | null;
            returnReason: string | null;
            task: {
              id: number;
              orgId: number;
              orgName: string;
              title: string;
              description: string;
              deadline: string;
              requiresText: boolean;
              minPhotos: number;
              allowLinks: boolean;
              maxScore: number | null;
              /** @enum {string} */
              status: 'open' | 'cancelled';
              createdBy: string | null;
              createdAt: string;
              cancelledAt: string | null;
              cancelReason: string | null;
              canManage: boolean;
            };
            canReport: boolean;
            canManage: boolean;
            draftPhotos: {
              id: string;
              url: string;
            }[];
            reports: {
              id: number;
              text: string;
              links: string[];
              photoUrls: string[];
              submittedBy: string | null;
              submittedAt: string;
              late: boolean;
              /** @enum {string|null} */
              decision: 'approved' | 'returned' | null;
              score: number | null;
              comment: string | null;
              decidedBy: string | null;
              decidedAt: string | null;
            }[];
          };
        };
      };
    };
  };
  postTasksAssignmentsByIdApprove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @default null */
          score?: number | null;
          /** @default null */
          comment?: string | null;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            taskId: number;
            taskTitle: string;
            issuerName: string;
            orgId: number;
            orgName: string;
            /** @enum {string} */
            state: 'pending' | 'submitted' | 'returned' | 'approved' | 'overdue' | 'cancelled';
            dueAt: string;
            taskDeadline: string;
            extended: boolean;
            extensionReason: string | null;
            submittedAt: string | null;
            approvedAt: string | null;
            score: number | null;
            maxScore: number | null;
            returnReason: string | null;
            task: {
              id: number;
              orgId: number;
              orgName: string;
              title: string;
              description: string;
              deadline: string;
              requiresText: boolean;
              minPhotos: number;
              allowLinks: boolean;
              maxScore: number | null;
              /** @enum {string} */
              status: 'open' | 'cancelled';
              createdBy: string | null;
              createdAt: string;
              cancelledAt: string | null;
              cancelReason: string | null;
              canManage: boolean;
            };
            canReport: boolean;
            canManage: boolean;
            draftPhotos: {
              id: string;
              url: string;
            }[];
            reports: {
              id: number;
              text: string;
              links: string[];
              photoUrls: string[];
              submittedBy: string | null;
              submittedAt: string;
              late: boolean;
              /** @enum {string|null} */
              decision: 'approved' | 'returned' | null;
              score: number | null;
              comment: string | null;
              decidedBy: string | null;
              decidedAt: string | null;
            }[];
          };
        };
      };
    };
  };
  postTasksAssignmentsByIdReturn: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          reason: string;
          /** Format: date-time */
          deadline?: string | null;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            taskId: number;
            taskTitle: string;
            issuerName: string;
            orgId: number;
            orgName: string;
            /** @enum {string} */
            state: 'pending' | 'submitted' | 'returned' | 'approved' | 'overdue' | 'cancelled';
            dueAt: string;
            taskDeadline: string;
            extended: boolean;
            extensionReason: string | null;
            submittedAt: string | null;
            approvedAt: string | null;
            score: number | null;
            maxScore: number | null;
            returnReason: string | null;
            task: {
              id: number;
              orgId: number;
              orgName: string;
              title: string;
              description: string;
              deadline: string;
              requiresText: boolean;
              minPhotos: number;
              allowLinks: boolean;
              maxScore: number | null;
              /** @enum {string} */
              status: 'open' | 'cancelled';
              createdBy: string | null;
              createdAt: string;
              cancelledAt: string | null;
              cancelReason: string | null;
              canManage: boolean;
            };
            canReport: boolean;
            canManage: boolean;
            draftPhotos: {
              id: string;
              url: string;
            }[];
            reports: {
              id: number;
              text: string;
              links: string[];
              photoUrls: string[];
              submittedBy: string | null;
              submittedAt: string;
              late: boolean;
              /** @enum {string|null} */
              decision: 'approved' | 'returned' | null;
              score: number | null;
              comment: string | null;
              decidedBy: string | null;
              decidedAt: string | null;
            }[];
          };
        };
      };
    };
  };
  postTasksAssignmentsByIdExtend: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: date-time */
          deadline: string;
          reason: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            taskId: number;
            taskTitle: string;
            issuerName: string;
            orgId: number;
            orgName: string;
            /** @enum {string} */
            state: 'pending' | 'submitted' | 'returned' | 'approved' | 'overdue' | 'cancelled';
            dueAt: string;
            taskDeadline: string;
            extended: boolean;
            extensionReason: string | null;
            submittedAt: string | null;
            approvedAt: string | null;
            score: number | null;
            maxScore: number | null;
            returnReason: string | null;
            task: {
              id: number;
              orgId: number;
              orgName: string;
              title: string;
              description: string;
              deadline: string;
              requiresText: boolean;
              minPhotos: number;
              allowLinks: boolean;
              maxScore: number | null;
              /** @enum {string} */
              status: 'open' | 'cancelled';
              createdBy: string | null;
              createdAt: string;
              cancelledAt: string | null;
              cancelReason: string | null;
              canManage: boolean;
            };
            canReport: boolean;
            canManage: boolean;
            draftPhotos: {
              id: string;
              url: string;
            }[];
            reports: {
              id: number;
              text: string;
              links: string[];
              photoUrls: string[];
              submittedBy: string | null;
              submittedAt: string;
              late: boolean;
              /** @enum {string|null} */
              decision: 'approved' | 'returned' | null;
              score: number | null;
              comment: string | null;
              decidedBy: string | null;
              decidedAt: string | null;
            }[];
          };
        };
      };
    };
  };
  getPublicity: {
    parameters: {
      query?: {
        orgId?: number;
        level?: 'national' | 'province' | 'city' | 'county';
        year?: number;
        from?: string;
        to?: string;
        q?: string;
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              id: number;
              orgId: number;
              orgName: string;
              /** @enum {string} */
              level: 'national' | 'province' | 'city' | 'county';
              outlet: string;
              title: string;
              url: string | null;
              publishedOn: string;
              note: string;
              hasScreenshot: boolean;
              screenshotUrl: string | null;
              createdBy: string | null;
              createdAt: string;
              updatedAt: string;
              canEdit: boolean;
            }[];
            total: number;
          };
        };
      };
    };
  };
  postPublicity: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          orgId?: number;
          /** @enum {string} */
          level: 'national' | 'province' | 'city' | 'county';
          outlet: string;
          title: string;
          url?: string | null;
          publishedOn: string;
          /** @default  */
          note?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            orgId: number;
            orgName: string;
            /** @enum {string} */
            level: 'national' | 'province' | 'city' | 'county';
            outlet: string;
            title: string;
            url: string | null;
            publishedOn: string;
            note: string;
            hasScreenshot: boolean;
            screenshotUrl: string | null;
            createdBy: string | null;
            createdAt: string;
            updatedAt: string;
            canEdit: boolean;
          };
        };
      };
    };
  };
  getPublicitySummary: {
    parameters: {
      query?: {
        orgId?: number;
        year?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            orgId: number;
            orgName: string;
            year: number;
            quota: {
              province: number;
              city: number;
              county: number;
            };
            rows: {
              /** @enum {string} */
              kind: 'child' | 'own' | 'total';
              orgId: number;
              orgName: string;
              archived: boolean;
              national: number;
              province: number;
              city: number;
              county: number;
              total: number;
              counted: {
                province: number;
                city: number;
                county: number;
              };
              shortfall: {
                province: number;
                city: number;
                county: number;
              };
              meets: boolean;
            }[];
          };
        };
      };
    };
  };
  getPublicityExport: {
    parameters: {
      query?: {
        orgId?: number;
        level?: 'national' | 'province' | 'city' | 'county';
        year?: number;
        from?: string;
        to?: string;
        q?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Excel 文件（二进制） */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': unknown;
        };
      };
    };
  };
  getPublicityById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            orgId: number;
            orgName: string;
            /** @enum {string} */
            level: 'national' | 'province' | 'city' | 'county';
            outlet: string;
            title: string;
            url: string | null;
            publishedOn: string;
            note: string;
            hasScreenshot: boolean;
            screenshotUrl: string | null;
            createdBy: string | null;
            createdAt: string;
            updatedAt: string;
            canEdit: boolean;
          };
        };
      };
    };
  };
  deletePublicityById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {boolean} */
            ok: true;
          };
        };
      };
    };
  };
  patchPublicityById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          orgId?: number;
          /** @enum {string} */
          level?: 'national' | 'province' | 'city' | 'county';
          outlet?: string;
          title?: string;
          url?: string | null;
          publishedOn?: string;
          note?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            orgId: number;
            orgName: string;
            /** @enum {string} */
            level: 'national' | 'province' | 'city' | 'county';
            outlet: string;
            title: string;
            url: string | null;
            publishedOn: string;
            note: string;
            hasScreenshot: boolean;
            screenshotUrl: string | null;
            createdBy: string | null;
            createdAt: string;
            updatedAt: string;
            canEdit: boolean;
          };
        };
      };
    };
  };
  getPublicityByIdScreenshot: {
    parameters: {
      query?: {
        v?: string;
      };
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description 图片内容（二进制） */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'image/jpeg': unknown;
          'image/png': unknown;
          'image/webp': unknown;
        };
      };
    };
  };
  postPublicityByIdScreenshot: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            orgId: number;
            orgName: string;
            /** @enum {string} */
            level: 'national' | 'province' | 'city' | 'county';
            outlet: string;
            title: string;
            url: string | null;
            publishedOn: string;
            note: string;
            hasScreenshot: boolean;
            screenshotUrl: string | null;
            createdBy: string | null;
            createdAt: string;
            updatedAt: string;
            canEdit: boolean;
          };
        };
      };
    };
  };
  deletePublicityByIdScreenshot: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            orgId: number;
            orgName: string;
            /** @enum {string} */
            level: 'national' | 'province' | 'city' | 'county';
            outlet: string;
            title: string;
            url: string | null;
            publishedOn: string;
            note: string;
            hasScreenshot: boolean;
            screenshotUrl: string | null;
            createdBy: string | null;
            createdAt: string;
            updatedAt: string;
            canEdit: boolean;
          };
        };
      };
    };
  };
  getTrainings: {
    parameters: {
      query?: {
        orgId?: number;
        kind?: 'staff' | 'backbone' | 'new_volunteers' | 'lecture_leads';
        status?: 'planned' | 'held' | 'cancelled';
        year?: number;
        from?: string;
        to?: string;
        q?: string;
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              id: number;
              orgId: number;
              orgName: string;
              title: string;
              /** @enum {string} */
              kind: 'staff' | 'backbone' | 'new_volunteers' | 'lecture_leads';
              startsAt: string;
              endsAt: string;
              place: string;
              trainer: string;
              description: string;
              /** @enum {string} */
              status: 'planned' | 'held' | 'cancelled';
              heldAt: string | null;
              cancelledAt: string | null;
              cancelReason: string | null;
              attendeeCount: number;
              otherAttendees: number;
              materialCount: number;
              createdBy: string | null;
              createdAt: string;
            }[];
            total: number;
          };
        };
      };
    };
  };
  postTrainings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          orgId?: number;
          title: string;
          /** @enum {string} */
          kind: 'staff' | 'backbone' | 'new_volunteers' | 'lecture_leads';
          /** Format: date-time */
          startsAt: string;
          /** Format: date-time */
          endsAt: string;
          /** @default  */
          place?: string;
          /** @default  */
          trainer?: string;
          /** @default  */
          description?: string;
          /** @default 0 */
          otherAttendees?: number;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            orgId: number;
            orgName: string;
            title: string;
            /** @enum {string} */
            kind: 'staff' | 'backbone' | 'new_volunteers' | 'lecture_leads';
            startsAt: string;
            endsAt: string;
            place: string;
            trainer: string;
            description: string;
            /** @enum {string} */
            status: 'planned' | 'held' | 'cancelled';
            heldAt: string | null;
            cancelledAt: string | null;
            cancelReason: string | null;
            attendeeCount: number;
            otherAttendees: number;
            materialCount: number;
            createdBy: string | null;
            createdAt: string;
          };
        };
      };
    };
  };
  getTrainingsSummary: {
    parameters: {
      query?: {
        orgId?: number;
        year?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            year: number;
            required: number;
            rows: {
              orgId: number;
              orgName: string;
              orgKind: string;
              /** @enum {string} */
              scope: 'own' | 'subtree' | 'total';
              held: number;
              byKind: {
                staff: number;
                backbone: number;
                new_volunteers: number;
                lecture_leads: number;
              };
              attendees: number;
              planned: number;
              meets: boolean | null;
            }[];
          };
        };
      };
    };
  };
  getTrainingsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            orgId: number;
            orgName: string;
            title: string;
            /** @enum {string} */
            kind: 'staff' | 'backbone' | 'new_volunteers' | 'lecture_leads';
            startsAt: string;
            endsAt: string;
            place: string;
            trainer: string;
            description: string;
            /** @enum {string} */
            status: 'planned' | 'held' | 'cancelled';
            heldAt: string | null;
            cancelledAt: string | null;
            cancelReason: string | null;
            attendeeCount: number;
            otherAttendees: number;
            materialCount: number;
            createdBy: string | null;
            createdAt: string;
          };
        };
      };
    };
  };
  putTrainingsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          title: string;
          /** @enum {string} */
          kind: 'staff' | 'backbone' | 'new_volunteers' | 'lecture_leads';
          /** Format: date-time */
          startsAt: string;
          /** Format: date-time */
          endsAt: string;
          /** @default  */
          place?: string;
          /** @default  */
          trainer?: string;
          /** @default  */
          description?: string;
          /** @default 0 */
          otherAttendees?: number;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            orgId: number;
            orgName: string;
            title: string;
            /** @enum {string} */
            kind: 'staff' | 'backbone' | 'new_volunteers' | 'lecture_leads';
            startsAt: string;
            endsAt: string;
            place: string;
            trainer: string;
            description: string;
            /** @enum {string} */
            status: 'planned' | 'held' | 'cancelled';
            heldAt: string | null;
            cancelledAt: string | null;
            cancelReason: string | null;
            attendeeCount: number;
            otherAttendees: number;
            materialCount: number;
            createdBy: string | null;
            createdAt: string;
          };
        };
      };
    };
  };
  postTrainingsByIdHeld: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            orgId: number;
            orgName: string;
            title: string;
            /** @enum {string} */
            kind: 'staff' | 'backbone' | 'new_volunteers' | 'lecture_leads';
            startsAt: string;
            endsAt: string;
            place: string;
            trainer: string;
            description: string;
            /** @enum {string} */
            status: 'planned' | 'held' | 'cancelled';
            heldAt: string | null;
            cancelledAt: string | null;
            cancelReason: string | null;
            attendeeCount: number;
            otherAttendees: number;
            materialCount: number;
            createdBy: string | null;
            createdAt: string;
          };
        };
      };
    };
  };
  postTrainingsByIdCancel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          reason: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            orgId: number;
            orgName: string;
            title: string;
            /** @enum {string} */
            kind: 'staff' | 'backbone' | 'new_volunteers' | 'lecture_leads';
            startsAt: string;
            endsAt: string;
            place: string;
            trainer: string;
            description: string;
            /** @enum {string} */
            status: 'planned' | 'held' | 'cancelled';
            heldAt: string | null;
            cancelledAt: string | null;
            cancelReason: string | null;
            attendeeCount: number;
            otherAttendees: number;
            materialCount: number;
            createdBy: string | null;
            createdAt: string;
          };
        };
      };
    };
  };
  putTrainingsByIdOtherAttendees: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @default 0 */
          otherAttendees?: number;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            orgId: number;
            orgName: string;
            title: string;
            /** @enum {string} */
            kind: 'staff' | 'backbone' | 'new_volunteers' | 'lecture_leads';
            startsAt: string;
            endsAt: string;
            place: string;
            trainer: string;
            description: string;
            /** @enum {string} */
            status: 'planned' | 'held' | 'cancelled';
            heldAt: string | null;
            cancelledAt: string | null;
            cancelReason: string | null;
            attendeeCount: number;
            otherAttendees: number;
            materialCount: number;
            createdBy: string | null;
            createdAt: string;
          };
        };
      };
    };
  };
  getTrainingsByIdAttendees: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              volunteerId: number;
              volunteerNo: string | null;
              name: string | null;
              orgName: string | null;
              /** @enum {string|null} */
              status: 'active' | 'suspended' | 'withdrawn' | null;
              phoneMasked: string | null;
              addedAt: string;
            }[];
            total: number;
          };
        };
      };
    };
  };
  postTrainingsByIdAttendees: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          volunteerIds: number[];
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            added: number;
            skipped: number;
          };
        };
      };
    };
  };
  deleteTrainingsByIdAttendeesByVolunteerId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
        volunteerId: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {boolean} */
            ok: true;
          };
        };
      };
    };
  };
  getTrainingsByIdMaterials: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            fileName: string;
            mimeType: string;
            byteSize: number;
            uploadedBy: string | null;
            uploadedAt: string;
            url: string;
          }[];
        };
      };
    };
  };
  postTrainingsByIdMaterials: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            fileName: string;
            mimeType: string;
            byteSize: number;
            uploadedBy: string | null;
            uploadedAt: string;
            url: string;
          };
        };
      };
    };
  };
  getTrainingsByIdMaterialsByMaterialId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
        materialId: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description 文件内容（二进制） */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/pdf': unknown;
          'image/jpeg': unknown;
          'image/png': unknown;
          'image/webp': unknown;
        };
      };
    };
  };
  deleteTrainingsByIdMaterialsByMaterialId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
        materialId: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {boolean} */
            ok: true;
          };
        };
      };
    };
  };
  getAssessmentUnits: {
    parameters: {
      query: {
        orgId?: number;
        from: string;
        to: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            orgId: number;
            orgName: string;
            from: string;
            to: string;
            minRatings: number;
            total: {
              orgId: number;
              name: string;
              kind: string;
              archived: boolean;
              activitiesHeld: number;
              festivalActivitiesHeld: number;
              serviceRecords: number;
              serviceHours: number;
              ordersReceived: number;
              ordersClosed: number;
              ordersClosedOnTime: number;
              onTimeRate: number | null;
              ratingCount: number;
              averageRating: number | null;
            };
            own: {
              orgId: number;
              name: string;
              kind: string;
              archived: boolean;
              activitiesHeld: number;
              festivalActivitiesHeld: number;
              serviceRecords: number;
              serviceHours: number;
              ordersReceived: number;
              ordersClosed: number;
              ordersClosedOnTime: number;
              onTimeRate: number | null;
              ratingCount: number;
              averageRating: number | null;
            };
            units: {
              orgId: number;
              name: string;
              kind: string;
              archived: boolean;
              activitiesHeld: number;
              festivalActivitiesHeld: number;
              serviceRecords: number;
              serviceHours: number;
              ordersReceived: number;
              ordersClosed: number;
              ordersClosedOnTime: number;
              onTimeRate: number | null;
              ratingCount: number;
              averageRating: number | null;
            }[];
          };
        };
      };
    };
  };
  getAssessmentHome: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            period: {
              key: string;
              label: string;
              start: string;
              end: string;
            };
            rows: {
              orgId: number;
              name: string;
              /** @enum {string} */
              kind: 'center' | 'institute' | 'station';
              parentName: string | null;
              archived: boolean;
              score: number | null;
              rank: number | null;
              /** @enum {string} */
              rag: 'green' | 'amber' | 'red' | 'none';
              behind: boolean;
              previousScore: number | null;
              previousRank: number | null;
              change: number | null;
              results: {
                /** @enum {string} */
                code:
                  | 'activities'
                  | 'festival_activities'
                  | 'service_hours'
                  | 'volunteer_share'
                  | 'active_volunteers'
                  | 'on_time_rate'
                  | 'average_rating'
                  | 'site_standard'
                  | 'stations_on_target'
                  | 'micro_lecture_stations'
                  | 'professional_teams_on_target'
                  | 'projects_done'
                  | 'task_completion'
                  | 'trainings'
                  | 'publicity'
                  | 'posts'
                  | 'teams'
                  | 'volunteers';
                actual: number | null;
                target: number;
                completion: number | null;
                /** @enum {string} */
                rag: 'green' | 'amber' | 'red' | 'none';
              }[];
            }[];
            indicators: {
              /** @enum {string} */
              orgKind: 'center' | 'institute' | 'station';
              /** @enum {string} */
              code:
                | 'activities'
                | 'festival_activities'
                | 'service_hours'
                | 'volunteer_share'
                | 'active_volunteers'
                | 'on_time_rate'
                | 'average_rating'
                | 'site_standard'
                | 'stations_on_target'
                | 'micro_lecture_stations'
                | 'professional_teams_on_target'
                | 'projects_done'
                | 'task_completion'
                | 'trainings'
                | 'publicity'
                | 'posts'
                | 'teams'
                | 'volunteers';
              name: string;
              unit: string;
              /** @enum {string} */
              basis: 'flow' | 'rate' | 'stock';
              recorded: boolean;
              target: number;
              weight: number;
            }[];
            standing: {
              bulletinId: number | null;
              title: string;
              period: string;
              rank: number | null;
              of: number;
              score: number | null;
              behind: boolean;
              change: number | null;
            } | null;
          };
        };
      };
    };
  };
  getAssessmentIndicators: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              /** @enum {string} */
              orgKind: 'center' | 'institute' | 'station';
              /** @enum {string} */
              code:
                | 'activities'
                | 'festival_activities'
                | 'service_hours'
                | 'volunteer_share'
                | 'active_volunteers'
                | 'on_time_rate'
                | 'average_rating'
                | 'site_standard'
                | 'stations_on_target'
                | 'micro_lecture_stations'
                | 'professional_teams_on_target'
                | 'projects_done'
                | 'task_completion'
                | 'trainings'
                | 'publicity'
                | 'posts'
                | 'teams'
                | 'volunteers';
              name: string;
              unit: string;
              /** @enum {string} */
              basis: 'flow' | 'rate' | 'stock';
              description: string;
              recorded: boolean;
              seq: number;
              target: number;
              weight: number;
              enabled: boolean;
            }[];
          };
        };
      };
    };
  };
  putAssessmentIndicatorsByKind: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: 'center' | 'institute' | 'station';
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          items: {
            /** @enum {string} */
            code:
              | 'activities'
              | 'festival_activities'
              | 'service_hours'
              | 'volunteer_share'
              | 'active_volunteers'
              | 'on_time_rate'
              | 'average_rating'
              | 'site_standard'
              | 'stations_on_target'
              | 'micro_lecture_stations'
              | 'professional_teams_on_target'
              | 'projects_done'
              | 'task_completion'
              | 'trainings'
              | 'publicity'
              | 'posts'
              | 'teams'
              | 'volunteers';
            target: number;
            weight: number;
            enabled: boolean;
          }[];
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              /** @enum {string} */
              orgKind: 'center' | 'institute' | 'station';
              /** @enum {string} */
              code:
                | 'activities'
                | 'festival_activities'
                | 'service_hours'
                | 'volunteer_share'
                | 'active_volunteers'
                | 'on_time_rate'
                | 'average_rating'
                | 'site_standard'
                | 'stations_on_target'
                | 'micro_lecture_stations'
                | 'professional_teams_on_target'
                | 'projects_done'
                | 'task_completion'
                | 'trainings'
                | 'publicity'
                | 'posts'
                | 'teams'
                | 'volunteers';
              name: string;
              unit: string;
              /** @enum {string} */
              basis: 'flow' | 'rate' | 'stock';
              description: string;
              recorded: boolean;
              seq: number;
              target: number;
              weight: number;
              enabled: boolean;
            }[];
          };
        };
      };
    };
  };
  getAssessmentReport: {
    parameters: {
      query: {
        orgId?: number;
        periodKind: 'month' | 'quarter' | 'year';
        period: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            orgId: number;
            orgName: string;
            period: {
              /** @enum {string} */
              kind: 'month' | 'quarter' | 'year';
              key: string;
              label: string;
              start: string;
              end: string;
            };
            generatedAt: string;
            minRatings: number;
            indicators: {
              /** @enum {string} */
              orgKind: 'center' | 'institute' | 'station';
              /** @enum {string} */
              code:
                | 'activities'
                | 'festival_activities'
                | 'service_hours'
                | 'volunteer_share'
                | 'active_volunteers'
                | 'on_time_rate'
                | 'average_rating'
                | 'site_standard'
                | 'stations_on_target'
                | 'micro_lecture_stations'
                | 'professional_teams_on_target'
                | 'projects_done'
                | 'task_completion'
                | 'trainings'
                | 'publicity'
                | 'posts'
                | 'teams'
                | 'volunteers';
              name: string;
              unit: string;
              /** @enum {string} */
              basis: 'flow' | 'rate' | 'stock';
              recorded: boolean;
              target: number;
              weight: number;
            }[];
            rows: {
              orgId: number;
              name: string;
              /** @enum {string} */
              kind: 'center' | 'institute' | 'station';
              parentName: string | null;
              archived: boolean;
              score: number | null;
              rank: number | null;
              /** @enum {string} */
              rag: 'green' | 'amber' | 'red' | 'none';
              behind: boolean;
              previousScore: number | null;
              previousRank: number | null;
              change: number | null;
              results: {
                /** @enum {string} */
                code:
                  | 'activities'
                  | 'festival_activities'
                  | 'service_hours'
                  | 'volunteer_share'
                  | 'active_volunteers'
                  | 'on_time_rate'
                  | 'average_rating'
                  | 'site_standard'
                  | 'stations_on_target'
                  | 'micro_lecture_stations'
                  | 'professional_teams_on_target'
                  | 'projects_done'
                  | 'task_completion'
                  | 'trainings'
                  | 'publicity'
                  | 'posts'
                  | 'teams'
                  | 'volunteers';
                actual: number | null;
                target: number;
                completion: number | null;
                /** @enum {string} */
                rag: 'green' | 'amber' | 'red' | 'none';
              }[];
            }[];
            summary: {
              kinds: {
                /** @enum {string} */
                kind: 'center' | 'institute' | 'station';
                units: number;
                behind: number;
                averageScore: number | null;
              }[];
            };
          };
        };
      };
    };
  };
  getAssessmentBulletins: {
    parameters: {
      query?: {
        orgId?: number;
        periodKind?: 'month' | 'quarter' | 'year';
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              id: number;
              orgId: number;
              orgName: string;
              /** @enum {string} */
              periodKind: 'month' | 'quarter' | 'year';
              period: string;
              title: string;
              units: number;
              behind: number;
              publishedByName: string | null;
              publishedAt: string;
              hasAllocation: boolean;
            }[];
            total: number;
            page: number;
            pageSize: number;
          };
        };
      };
    };
  };
  postAssessmentBulletins: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          orgId?: number;
          /** @enum {string} */
          periodKind: 'month' | 'quarter' | 'year';
          period: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            orgId: number;
            orgName: string;
            /** @enum {string} */
            periodKind: 'month' | 'quarter' | 'year';
            period: string;
            title: string;
            units: number;
            behind: number;
            publishedByName: string | null;
            publishedAt: string;
            hasAllocation: boolean;
            report: {
              orgId: number;
              orgName: string;
              period: {
                /** @enum {string} */
                kind: 'month' | 'quarter' | 'year';
                key: string;
                label: string;
                start: string;
                end: string;
              };
              generatedAt: string;
              minRatings: number;
              indicators: {
                /** @enum {string} */
                orgKind: 'center' | 'institute' | 'station';
                /** @enum {string} */
                code:
                  | 'activities'
                  | 'festival_activities'
                  | 'service_hours'
                  | 'volunteer_share'
                  | 'active_volunteers'
                  | 'on_time_rate'
                  | 'average_rating'
                  | 'site_standard'
                  | 'stations_on_target'
                  | 'micro_lecture_stations'
                  | 'professional_teams_on_target'
                  | 'projects_done'
                  | 'task_completion'
                  | 'trainings'
                  | 'publicity'
                  | 'posts'
                  | 'teams'
                  | 'volunteers';
                name: string;
                unit: string;
                /** @enum {string} */
                basis: 'flow' | 'rate' | 'stock';
                recorded: boolean;
                target: number;
                weight: number;
              }[];
              rows: {
                orgId: number;
                name: string;
                /** @enum {string} */
                kind: 'center' | 'institute' | 'station';
                parentName: string | null;
                archived: boolean;
                score: number | null;
                rank: number | null;
                /** @enum {string} */
                rag: 'green' | 'amber' | 'red' | 'none';
                behind: boolean;
                previousScore: number | null;
                previousRank: number | null;
                change: number | null;
                results: {
                  /** @enum {string} */
                  code:
                    | 'activities'
                    | 'festival_activities'
                    | 'service_hours'
                    | 'volunteer_share'
                    | 'active_volunteers'
                    | 'on_time_rate'
                    | 'average_rating'
                    | 'site_standard'
                    | 'stations_on_target'
                    | 'micro_lecture_stations'
                    | 'professional_teams_on_target'
                    | 'projects_done'
                    | 'task_completion'
                    | 'trainings'
                    | 'publicity'
                    | 'posts'
                    | 'teams'
                    | 'volunteers';
                  actual: number | null;
                  target: number;
                  completion: number | null;
                  /** @enum {string} */
                  rag: 'green' | 'amber' | 'red' | 'none';
                }[];
              }[];
              summary: {
                kinds: {
                  /** @enum {string} */
                  kind: 'center' | 'institute' | 'station';
                  units: number;
                  behind: number;
                  averageScore: number | null;
                }[];
              };
            };
            allocation: {
              id: number;
              bulletinId: number;
              poolFen: number;
              /** @enum {string} */
              unitKind: 'institute' | 'station';
              minScore: number;
              note: string | null;
              rows: {
                orgId: number;
                name: string;
                score: number;
                amountFen: number;
              }[];
              createdByName: string | null;
              createdAt: string;
            } | null;
          };
        };
      };
    };
  };
  getAssessmentBulletinsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            orgId: number;
            orgName: string;
            /** @enum {string} */
            periodKind: 'month' | 'quarter' | 'year';
            period: string;
            title: string;
            units: number;
            behind: number;
            publishedByName: string | null;
            publishedAt: string;
            hasAllocation: boolean;
            report: {
              orgId: number;
              orgName: string;
              period: {
                /** @enum {string} */
                kind: 'month' | 'quarter' | 'year';
                key: string;
                label: string;
                start: string;
                end: string;
              };
              generatedAt: string;
              minRatings: number;
              indicators: {
                /** @enum {string} */
                orgKind: 'center' | 'institute' | 'station';
                /** @enum {string} */
                code:
                  | 'activities'
                  | 'festival_activities'
                  | 'service_hours'
                  | 'volunteer_share'
                  | 'active_volunteers'
                  | 'on_time_rate'
                  | 'average_rating'
                  | 'site_standard'
                  | 'stations_on_target'
                  | 'micro_lecture_stations'
                  | 'professional_teams_on_target'
                  | 'projects_done'
                  | 'task_completion'
                  | 'trainings'
                  | 'publicity'
                  | 'posts'
                  | 'teams'
                  | 'volunteers';
                name: string;
                unit: string;
                /** @enum {string} */
                basis: 'flow' | 'rate' | 'stock';
                recorded: boolean;
                target: number;
                weight: number;
              }[];
              rows: {
                orgId: number;
                name: string;
                /** @enum {string} */
                kind: 'center' | 'institute' | 'station';
                parentName: string | null;
                archived: boolean;
                score: number | null;
                rank: number | null;
                /** @enum {string} */
                rag: 'green' | 'amber' | 'red' | 'none';
                behind: boolean;
                previousScore: number | null;
                previousRank: number | null;
                change: number | null;
                results: {
                  /** @enum {string} */
                  code:
                    | 'activities'
                    | 'festival_activities'
                    | 'service_hours'
                    | 'volunteer_share'
                    | 'active_volunteers'
                    | 'on_time_rate'
                    | 'average_rating'
                    | 'site_standard'
                    | 'stations_on_target'
                    | 'micro_lecture_stations'
                    | 'professional_teams_on_target'
                    | 'projects_done'
                    | 'task_completion'
                    | 'trainings'
                    | 'publicity'
                    | 'posts'
                    | 'teams'
                    | 'volunteers';
                  actual: number | null;
                  target: number;
                  completion: number | null;
                  /** @enum {string} */
                  rag: 'green' | 'amber' | 'red' | 'none';
                }[];
              }[];
              summary: {
                kinds: {
                  /** @enum {string} */
                  kind: 'center' | 'institute' | 'station';
                  units: number;
                  behind: number;
                  averageScore: number | null;
                }[];
              };
            };
            allocation: {
              id: number;
              bulletinId: number;
              poolFen: number;
              /** @enum {string} */
              unitKind: 'institute' | 'station';
              minScore: number;
              note: string | null;
              rows: {
                orgId: number;
                name: string;
                score: number;
                amountFen: number;
              }[];
              createdByName: string | null;
              createdAt: string;
            } | null;
          };
        };
      };
    };
  };
  getAssessmentBulletinsByIdXlsx: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  getAssessmentBulletinsByIdPdf: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  postAssessmentBulletinsByIdAllocation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          poolYuan: number;
          /** @enum {string} */
          unitKind: 'institute' | 'station';
          /** @default 60 */
          minScore?: number;
          note?: string | null;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            orgId: number;
            orgName: string;
            /** @enum {string} */
            periodKind: 'month' | 'quarter' | 'year';
            period: string;
            title: string;
            units: number;
            behind: number;
            publishedByName: string | null;
            publishedAt: string;
            hasAllocation: boolean;
            report: {
              orgId: number;
              orgName: string;
              period: {
                /** @enum {string} */
                kind: 'month' | 'quarter' | 'year';
                key: string;
                label: string;
                start: string;
                end: string;
              };
              generatedAt: string;
              minRatings: number;
              indicators: {
                /** @enum {string} */
                orgKind: 'center' | 'institute' | 'station';
                /** @enum {string} */
                code:
                  | 'activities'
                  | 'festival_activities'
                  | 'service_hours'
                  | 'volunteer_share'
                  | 'active_volunteers'
                  | 'on_time_rate'
                  | 'average_rating'
                  | 'site_standard'
                  | 'stations_on_target'
                  | 'micro_lecture_stations'
                  | 'professional_teams_on_target'
                  | 'projects_done'
                  | 'task_completion'
                  | 'trainings'
                  | 'publicity'
                  | 'posts'
                  | 'teams'
                  | 'volunteers';
                name: string;
                unit: string;
                /** @enum {string} */
                basis: 'flow' | 'rate' | 'stock';
                recorded: boolean;
                target: number;
                weight: number;
              }[];
              rows: {
                orgId: number;
                name: string;
                /** @enum {string} */
                kind: 'center' | 'institute' | 'station';
                parentName: string | null;
                archived: boolean;
                score: number | null;
                rank: number | null;
                /** @enum {string} */
                rag: 'green' | 'amber' | 'red' | 'none';
                behind: boolean;
                previousScore: number | null;
                previousRank: number | null;
                change: number | null;
                results: {
                  /** @enum {string} */
                  code:
                    | 'activities'
                    | 'festival_activities'
                    | 'service_hours'
                    | 'volunteer_share'
                    | 'active_volunteers'
                    | 'on_time_rate'
                    | 'average_rating'
                    | 'site_standard'
                    | 'stations_on_target'
                    | 'micro_lecture_stations'
                    | 'professional_teams_on_target'
                    | 'projects_done'
                    | 'task_completion'
                    | 'trainings'
                    | 'publicity'
                    | 'posts'
                    | 'teams'
                    | 'volunteers';
                  actual: number | null;
                  target: number;
                  completion: number | null;
                  /** @enum {string} */
                  rag: 'green' | 'amber' | 'red' | 'none';
                }[];
              }[];
              summary: {
                kinds: {
                  /** @enum {string} */
                  kind: 'center' | 'institute' | 'station';
                  units: number;
                  behind: number;
                  averageScore: number | null;
                }[];
              };
            };
            allocation: {
              id: number;
              bulletinId: number;
              poolFen: number;
              /** @enum {string} */
              unitKind: 'institute' | 'station';
              minScore: number;
              note: string | null;
              rows: {
                orgId: number;
                name: string;
                score: number;
                amountFen: number;
              }[];
              createdByName: string | null;
              createdAt: string;
            } | null;
          };
        };
      };
    };
  };
  getAssessmentRankingsVolunteers: {
    parameters: {
      query: {
        orgId?: number;
        from: string;
        to: string;
        page?: number;
        pageSize?: number;
        metric: 'hours' | 'orders' | 'rating' | 'points';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            orgId: number;
            orgName: string;
            from: string;
            to: string;
            metric: string;
            minSample: number | null;
            total: number;
            ranked: number;
            page: number;
            pageSize: number;
            rows: {
              rank: number | null;
              value: number | null;
              volunteerId: number;
              volunteerNo: string;
              name: string;
              orgName: string | null;
              serviceHours: number;
              serviceRecords: number;
              ordersServed: number;
              ratingCount: number;
              averageRating: number | null;
              points: number;
            }[];
          };
        };
      };
    };
  };
  getAssessmentRankingsTeams: {
    parameters: {
      query: {
        orgId?: number;
        from: string;
        to: string;
        page?: number;
        pageSize?: number;
        metric: 'hours' | 'activities';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            orgId: number;
            orgName: string;
            from: string;
            to: string;
            metric: string;
            minSample: number | null;
            total: number;
            ranked: number;
            page: number;
            pageSize: number;
            rows: {
              rank: number | null;
              value: number | null;
              teamId: number;
              name: string;
              orgName: string | null;
              activitiesHeld: number;
              serviceRecords: number;
              serviceHours: number;
            }[];
          };
        };
      };
    };
  };
  getAssessmentRankingsUnits: {
    parameters: {
      query: {
        orgId?: number;
        from: string;
        to: string;
        page?: number;
        pageSize?: number;
        metric: 'activities' | 'hours' | 'ordersClosed' | 'onTimeRate' | 'rating';
        kind?: 'station' | 'institute';
        includeArchived?: 'true' | 'false';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            orgId: number;
            orgName: string;
            from: string;
            to: string;
            metric: string;
            minSample: number | null;
            total: number;
            ranked: number;
            page: number;
            pageSize: number;
            kind: string;
            rows: {
              rank: number | null;
              value: number | null;
              orgId: number;
              name: string;
              kind: string;
              archived: boolean;
              parentName: string | null;
              activitiesHeld: number;
              serviceHours: number;
              ordersClosed: number;
              ordersClosedOnTime: number;
              onTimeRate: number | null;
              ratingCount: number;
              averageRating: number | null;
            }[];
          };
        };
      };
    };
  };
  getAssessmentRankingsExport: {
    parameters: {
      query: {
        orgId?: number;
        from: string;
        to: string;
        board: 'volunteers' | 'teams' | 'units';
        metric: string;
        kind?: 'station' | 'institute';
        includeArchived?: 'true' | 'false';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  getPublicRankingsVolunteers: {
    parameters: {
      query: {
        orgId?: number;
        from: string;
        to: string;
        top?: number;
        metric: 'hours' | 'orders' | 'rating' | 'points';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            orgName: string;
            from: string;
            to: string;
            metric: string;
            rows: {
              rank: number;
              value: number;
              name: string;
              orgName: string | null;
            }[];
          };
        };
      };
    };
  };
  getPublicRankingsTeams: {
    parameters: {
      query: {
        orgId?: number;
        from: string;
        to: string;
        top?: number;
        metric: 'hours' | 'activities';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            orgName: string;
            from: string;
            to: string;
            metric: string;
            rows: {
              rank: number;
              value: number;
              name: string;
              orgName: string | null;
            }[];
          };
        };
      };
    };
  };
  getPublicRankingsUnits: {
    parameters: {
      query: {
        orgId?: number;
        from: string;
        to: string;
        top?: number;
        metric: 'activities' | 'hours' | 'ordersClosed' | 'onTimeRate' | 'rating';
        kind?: 'station' | 'institute';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            orgName: string;
            from: string;
            to: string;
            metric: string;
            kind: string;
            rows: {
              rank: number;
              value: number;
              name: string;
              parentName: string | null;
            }[];
          };
        };
      };
    };
  };
  getAssessmentScreen: {
    parameters: {
      query?: {
        orgId?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            orgId: number;
            orgName: string;
            orgKind: string;
            generatedAt: string;
            month: string;
            totals: {
              units: {
                kind: string;
                count: number;
              }[];
              teams: number;
              volunteers: number;
              serviceHours: number;
              activitiesHeld: number;
              ordersReceived: number;
              ordersClosed: number;
              ordersOpen: number;
              ordersOverdue: number;
            };
            thisMonth: {
              month: string;
              activitiesHeld: number;
              serviceRecords: number;
              serviceHours: number;
              ordersReceived: number;
              ordersClosed: number;
            };
            trend: {
              month: string;
              activitiesHeld: number;
              serviceRecords: number;
              serviceHours: number;
              ordersReceived: number;
              ordersClosed: number;
            }[];
            rankings: {
              stations: {
                byHours: {
                  orgId: number;
                  name: string;
                  value: number;
                }[];
                byActivities: {
                  orgId: number;
                  name: string;
                  value: number;
                }[];
              };
              institutes: {
                byHours: {
                  orgId: number;
                  name: string;
                  value: number;
                }[];
                byActivities: {
                  orgId: number;
                  name: string;
                  value: number;
                }[];
              };
            };
            orders: {
              id: number;
              orderNo: string;
              serviceCategory: string;
              menuItemTitle: string | null;
              orgId: number;
              orgName: string;
              status: string;
              createdAt: string;
              overdue: boolean;
            }[];
            platforms: {
              platform: string | null;
              count: number;
            }[];
            forms: {
              form: string;
              count: number;
            }[];
            units: {
              orgId: number;
              name: string;
              kind: string;
              latitude: number;
              longitude: number;
              serviceHours: number;
            }[];
          };
        };
      };
    };
  };
}
