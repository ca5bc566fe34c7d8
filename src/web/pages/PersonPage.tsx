/**
 * One person: identity, hometown, membership, and every post with its dates (several at once is
 * normal); edit, add a post, end a post.
 */
import { ArrowLeftOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import {
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Popover,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useNavigate, useParams } from "react-router";
import { formatDate } from "../../domain/format/date.ts";
import { MEMBERSHIP_STATUS_LABELS, THEORY_LEVEL_LABELS } from "../../domain/people/types.ts";
import { useMe } from "../api/index.ts";
import {
  type PersonDto,
  type PostDto,
  useAddPost,
  useEndPost,
  usePerson,
  useUpdatePerson,
} from "../api/people.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useHierarchyNames } from "../components/hierarchy.tsx";
import { PersonForm, PostFields, type PostValues, postBodyOf } from "../components/people/PersonForm.tsx";
import { paths } from "../paths.ts";

function EndPostButton({ post }: { post: PostDto }) {
  const end = useEndPost();
  const [day, setDay] = useState<Dayjs | null>(null);
  return (
    <Popover
      trigger="click"
      title="Thôi giữ chức vụ từ ngày"
      content={
        <Flex vertical gap={8}>
          <DatePicker format="DD/MM/YYYY" value={day} onChange={setDay} />
          <ErrorAlert error={end.error} />
          <Button
            type="primary"
            disabled={!day}
            loading={end.isPending}
            onClick={() => day && end.mutate({ postId: post.id, end: day.format("YYYY-MM-DD") })}
          >
            Ghi
          </Button>
        </Flex>
      }
    >
      <Button size="small">Thôi giữ</Button>
    </Popover>
  );
}

/** "Local" decided by hand for the organisation of a post, with its reason (loose hometowns). */
function LocalOverrideButton({ person, post }: { person: PersonDto; post: PostDto }) {
  const update = useUpdatePerson(person.id);
  const [form] = Form.useForm<{ local: boolean; reason: string }>();
  const current = person.localOverrides.find((o) => o.orgId === post.orgId);
  if (post.orgId === null) return null;
  const save = (v: { local: boolean; reason: string }) => {
    const others = person.localOverrides.filter((o) => o.orgId !== post.orgId);
    const { posts: _posts, updatedAt: _u, id: _id, ...rest } = person;
    update.mutate({
      ...rest,
      localOverrides: [...others, { orgId: post.orgId!, local: v.local, reason: v.reason }],
    });
  };
  return (
    <Popover
      trigger="click"
      title="Người địa phương (xác định thủ công)"
      content={
        <Form
          form={form}
          layout="vertical"
          onFinish={save}
          initialValues={current ?? { local: false, reason: "" }}
          style={{ width: 320 }}
        >
          <ErrorAlert error={update.error} />
          <Form.Item name="local" label="Là người địa phương của đơn vị này?">
            <Select
              options={[
                { value: true, label: "Có" },
                { value: false, label: "Không" },
              ]}
            />
          </Form.Item>
          <Form.Item name="reason" label="Lý do" rules={[{ required: true, message: "Phải ghi lý do" }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={update.isPending}>
            Ghi
          </Button>
        </Form>
      }
    >
      <Button size="small">
        {current ? `Địa phương: ${current.local ? "có" : "không"}` : "Người địa phương…"}
      </Button>
    </Popover>
  );
}

export function PersonPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const names = useHierarchyNames();
  const me = useMe();
  const person = usePerson(Number(id));
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const addPost = useAddPost(Number(id));
  const [postForm] = Form.useForm<{ post: PostValues }>();
  const p = person.data;
  if (person.error) return <ErrorAlert error={person.error} />;
  if (!p) return <Skeleton active />;
  const canWrite = me.data?.canWrite ?? false;

  return (
    <Flex vertical gap={16} data-testid="person-page">
      <Space>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(paths.people)}>
          Danh sách
        </Button>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {p.fullName}
        </Typography.Title>
        {canWrite ? (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            Sửa
          </Button>
        ) : null}
      </Space>
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 2, lg: 3 }}>
          <Descriptions.Item label="Mã người">{p.code}</Descriptions.Item>
          <Descriptions.Item label="Giới tính">{p.gender === "female" ? "Nữ" : "Nam"}</Descriptions.Item>
          <Descriptions.Item label="Ngày sinh">{formatDate(p.birthDate)}</Descriptions.Item>
          <Descriptions.Item label="Dân tộc">{p.ethnicity}</Descriptions.Item>
          <Descriptions.Item label="Quê quán">
            {[p.hometown.commune?.name, p.hometown.district?.name, p.hometown.province.name]
              .filter(Boolean)
              .join(", ")}
          </Descriptions.Item>
          <Descriptions.Item label="Đảng viên">
            {p.membership
              ? `${MEMBERSHIP_STATUS_LABELS[p.membership.status]}, vào Đảng ${formatDate(p.membership.joinedOn)}`
              : "Không"}
          </Descriptions.Item>
          <Descriptions.Item label="Chuyên môn">{p.education ?? "—"}</Descriptions.Item>
          <Descriptions.Item label="Lý luận chính trị">
            {p.politicalTheory ? THEORY_LEVEL_LABELS[p.politicalTheory] : "—"}
          </Descriptions.Item>
          {p.localOverrides.map((o) => (
            <Descriptions.Item key={o.orgId} label="Người địa phương (xác định thủ công)">
              {o.local ? "Có" : "Không"} — {o.reason}
            </Descriptions.Item>
          ))}
        </Descriptions>
      </Card>
      <Card
        size="small"
        title="Chức vụ"
        extra={
          canWrite ? (
            <Button icon={<PlusOutlined />} size="small" onClick={() => setAdding(true)}>
              Thêm chức vụ (kiêm nhiệm)
            </Button>
          ) : null
        }
      >
        <Table<PostDto>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={p.posts}
          data-testid="person-posts"
          columns={[
            {
              title: "Chức vụ",
              dataIndex: "kindLabel",
              render: (k: string, post) => `${k}${post.title ? ` (${post.title})` : ""}`,
            },
            { title: "Đơn vị / thôn", dataIndex: "placeName" },
            { title: "Nhiệm kỳ", dataIndex: "term", render: (t: string | null) => t ?? "—" },
            { title: "Từ ngày", dataIndex: "start", render: (d: string) => formatDate(d) },
            {
              title: "Đến ngày",
              dataIndex: "end",
              render: (d: string | null) => (d ? formatDate(d) : <Tag color="green">Đương nhiệm</Tag>),
            },
            {
              title: "",
              key: "actions",
              render: (_, post) =>
                canWrite && post.end === null ? (
                  <Space>
                    <EndPostButton post={post} />
                    <LocalOverrideButton person={p} post={post} />
                  </Space>
                ) : null,
            },
          ]}
        />
      </Card>
      {editing ? <PersonForm person={p} names={names} onClose={() => setEditing(false)} /> : null}
      <Modal
        open={adding}
        title="Thêm chức vụ"
        okText="Lưu"
        cancelText="Hủy"
        width={760}
        confirmLoading={addPost.isPending}
        onCancel={() => setAdding(false)}
        onOk={() => postForm.submit()}
        destroyOnHidden
      >
        <ErrorAlert error={addPost.error} />
        <Form
          form={postForm}
          layout="vertical"
          onFinish={(v) => addPost.mutate(postBodyOf(v.post), { onSuccess: () => setAdding(false) })}
        >
          <PostFields names={names} prefix={["post"]} />
        </Form>
      </Modal>
    </Flex>
  );
}
